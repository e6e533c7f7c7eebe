package nl.ketenzicht.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import nl.ketenzicht.cases.CaseStatus;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A small world written straight into the container's database (as the migration user, after the
 * deployment migrated the schema) reads back through the API exactly as generated, for a case
 * worker of the owning organisation.
 */
@ExtendWith(ArquillianExtension.class)
class JdbcWriterIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aWrittenWorldReadsBackThroughTheApi() throws SQLException {
        Scenario s = new Scenario(base);
        s.admin();
        World world = SyntheticWorld.generate(300, Spec.national(300, 2015, TODAY.getYear(), TODAY));
        AtomicInteger told = new AtomicInteger();
        Loaded loaded;
        try (Connection c = Db.connect()) {
            // The shared test database may hold other tests' rows: count what the load adds.
            long cases = count(c, "SELECT COUNT(*) FROM case_file");
            long parties = count(c, "SELECT COUNT(*) FROM party");
            long events = count(c, "SELECT COUNT(*) FROM chain_event");
            long caseAccess = count(c, "SELECT COUNT(*) FROM access_log WHERE object_type = 'case'");
            loaded = JdbcWriter.chunked()
                    .withChunkSize(70)
                    .withListener((conn, l) -> told.incrementAndGet())
                    .write(world, c);
            assertEquals(1, told.get(), "the listener hears of the load once, after it");
            assertEquals(300, count(c, "SELECT COUNT(*) FROM case_file") - cases);
            assertEquals(
                    world.cases().stream().mapToInt(SyntheticCase::partyCount).sum(),
                    count(c, "SELECT COUNT(*) FROM party") - parties);
            assertEquals(loaded.rows().get("chain_event"), count(c, "SELECT COUNT(*) FROM chain_event") - events);
            assertEquals(
                    caseAccess,
                    count(c, "SELECT COUNT(*) FROM access_log WHERE object_type = 'case'"),
                    "a load is no access");
        }
        Map<Long, Api> workers = new HashMap<>();
        for (SyntheticCase c : interesting(world)) {
            long org = loaded.organisationId(c.ownerOrganisation());
            Api worker = workers.computeIfAbsent(org, s::caseworker);
            checkCase(worker, c, loaded);
        }
        SyntheticCase other = world.cases().stream()
                .filter(c -> c.ownerOrganisation() != world.cases().get(0).ownerOrganisation())
                .findFirst()
                .orElseThrow();
        Api worker = workers.computeIfAbsent(
                loaded.organisationId(world.cases().get(0).ownerOrganisation()), s::caseworker);
        assertEquals(
                404,
                worker.get("api/cases/" + loaded.caseId(other.index())).status(),
                "another organisation's case is out of scope");
    }

    /** The richest case, a signal, a closed one, one owned by a care partner and one with runaways. */
    private static List<SyntheticCase> interesting(World w) {
        List<SyntheticCase> list = new ArrayList<>();
        list.add(w.cases().stream()
                .max(Comparator.comparingInt(SyntheticCase::partyCount))
                .orElseThrow());
        w.cases().stream().filter(c -> c.origin() == Origin.SIGNAL).findFirst().ifPresent(list::add);
        w.cases().stream()
                .filter(c -> c.status() == CaseStatus.CLOSED && c.partyCount() > 2)
                .findFirst()
                .ifPresent(list::add);
        w.cases().stream()
                .filter(c -> !w.organisations().get(c.ownerOrganisation()).isPolice())
                .findFirst()
                .ifPresent(list::add);
        w.cases().stream()
                .filter(c -> c.victims().stream()
                        .anyMatch(v -> !v.runaways().isEmpty() && !v.referrals().isEmpty()))
                .findFirst()
                .ifPresent(list::add);
        return list;
    }

    private static void checkCase(Api worker, SyntheticCase c, Loaded loaded) {
        long id = loaded.caseId(c.index());
        Api.Reply reply = worker.get("api/cases/" + id + "/chain");
        assertEquals(200, reply.status(), reply.toString());
        JsonNode doc = reply.json();
        JsonNode f = doc.get("caseFile");
        String what = "case " + c.index() + " (id " + id + ")";
        assertEquals(c.municipality().code(), f.get("municipalityCode").asText(), what);
        assertEquals(c.municipality().policeUnit(), f.get("policeUnit").asText(), what);
        assertEquals(c.municipality().courtDistrict(), f.get("courtDistrict").asText(), what);
        assertEquals(
                c.municipality().prosecutionOffice(), f.get("prosecutionOffice").asText(), what);
        assertEquals(c.openedOn().toString(), f.get("openedOn").asText(), what);
        assertEquals(c.origin().name(), f.get("origin").asText(), what);
        assertEquals(
                c.signallingOrganisation() == null
                        ? "null"
                        : String.valueOf(loaded.organisationId(c.signallingOrganisation())),
                f.get("signallingOrganisationId").asText(),
                what);
        assertEquals(c.teamType().name(), f.get("teamType").asText(), what);
        assertEquals(c.suspectCount(), f.get("suspectCount").asInt(), what);
        assertEquals(c.network(), f.get("network").asBoolean(), what);
        assertEquals(c.status().name(), f.get("status").asText(), what);
        assertEquals(String.valueOf(c.closedOn()), f.get("closedOn").asText(), what);
        assertEquals(List.copyOf(c.exploitationForms()), texts(f.get("exploitationForms")), what);
        assertEquals(List.copyOf(c.investigationMethods()), texts(f.get("investigationMethods")), what);
        checkParties(doc, c, what);
    }

    /** Parties were inserted victims first, then suspects, then clients, so their ids follow the world's order. */
    private static void checkParties(JsonNode doc, SyntheticCase c, String what) {
        List<JsonNode> parties = StreamSupport.stream(doc.get("parties").spliterator(), false)
                .sorted(Comparator.comparingLong(p -> p.get("id").asLong()))
                .toList();
        assertEquals(c.partyCount(), parties.size(), what + ": parties");
        int runaways = 0;
        int referrals = 0;
        for (int i = 0; i < c.victims().size(); i++) {
            SyntheticVictim v = c.victims().get(i);
            JsonNode p = parties.get(i);
            assertEquals("VICTIM", p.get("kind").asText(), what);
            assertEquals(v.gender().name(), p.get("gender").asText(), what);
            assertEquals(String.valueOf(v.birthYear()), p.get("birthYear").asText(), what);
            assertEquals(v.aangifteStatus().name(), p.get("aangifteStatus").asText(), what);
            assertEquals(v.aangifte().size(), p.get("aangifteHistory").size(), what + ": aangifte history");
            for (int a = 0; a < v.aangifte().size(); a++) {
                assertEquals(
                        v.aangifte().get(a).type().name(),
                        p.at("/aangifteHistory/" + a + "/type").asText(),
                        what);
                assertEquals(
                        List.copyOf(v.aangifte().get(a).reasons()),
                        texts(p.at("/aangifteHistory/" + a + "/reasons")),
                        what);
            }
            assertEquals(List.copyOf(v.vulnerabilities()), texts(p.get("vulnerabilities")), what);
            runaways += v.runaways().size();
            referrals += v.referrals().size();
        }
        assertEquals(runaways, doc.at("/care/runaways").size(), what + ": runaways");
        assertEquals(referrals, doc.at("/care/referrals").size(), what + ": referrals");
        List<SyntheticOffender> offenders = new ArrayList<>(c.suspects());
        offenders.addAll(c.clients());
        Map<Long, JsonNode> proceedings = new HashMap<>();
        doc.get("proceedings").forEach(p -> proceedings.put(p.get("partyId").asLong(), p));
        for (int o = 0; o < offenders.size(); o++) {
            SyntheticOffender expected = offenders.get(o);
            JsonNode p = parties.get(c.victims().size() + o);
            assertEquals(expected.kind().name(), p.get("kind").asText(), what);
            JsonNode chain = proceedings.get(p.get("id").asLong());
            assertEquals(expected.steps().size(), chain.get("events").size(), what + ": chain of party " + p.get("id"));
            for (int e = 0; e < expected.steps().size(); e++) {
                assertEquals(
                        expected.steps().get(e).stage().name(),
                        chain.at("/events/" + e + "/stage").asText(),
                        what);
                assertEquals(
                        expected.steps().get(e).on().toString(),
                        chain.at("/events/" + e + "/on").asText(),
                        what);
            }
            assertEquals(expected.charges().size(), chain.get("charges").size(), what + ": charges");
            assertEquals(
                    expected.linkedVictims().size(), p.get("linkedVictimIds").size(), what + ": links");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
