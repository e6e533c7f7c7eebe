package nl.ketenzicht.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.shared.DatabaseMigrator;

/**
 * The reference lists, read once after migration (they change only through migrations) and kept in
 * memory, because every case write checks codes and derives regions from them.
 */
@ApplicationScoped
public class ReferenceData {

    @jakarta.inject.Inject
    nl.ketenzicht.shared.Jdbc jdbc;

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    void load(@Observes DatabaseMigrator.SchemaReady ready) {
        try (Connection c = jdbc.connection();
                Statement s = c.createStatement()) {
            snapshot = new Snapshot(
                    read(
                            s,
                            "SELECT code, name, national FROM ref_police_unit ORDER BY national, name",
                            r -> new ReferenceViews.PoliceUnit(r.getString(1), r.getString(2), r.getBoolean(3))),
                    read(
                            s,
                            "SELECT code, name, type FROM ref_prosecution_office ORDER BY code",
                            r -> new ReferenceViews.ProsecutionOffice(r.getString(1), r.getString(2), r.getString(3))),
                    read(
                            s,
                            "SELECT code, name, court, court_of_appeal, police_unit, prosecution_office FROM ref_court_district ORDER BY name",
                            r -> new ReferenceViews.CourtDistrict(
                                    r.getString(1),
                                    r.getString(2),
                                    r.getString(3),
                                    r.getString(4),
                                    r.getString(5),
                                    r.getString(6))),
                    read(
                            s,
                            "SELECT cbs_code, name, province, police_unit, court_district FROM ref_municipality ORDER BY name",
                            r -> new ReferenceViews.Municipality(
                                    r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5))),
                    read(
                            s,
                            "SELECT list, code, label_nl, label_en, valid_from, valid_to FROM ref_code ORDER BY list, sort_order",
                            r -> new ReferenceViews.Code(
                                    r.getString(1),
                                    r.getString(2),
                                    r.getString(3),
                                    r.getString(4),
                                    date(r, 5),
                                    date(r, 6))),
                    read(
                            s,
                            "SELECT article, law_version, title_nl, title_en, valid_from, valid_to FROM ref_article ORDER BY valid_from, article",
                            r -> new ReferenceViews.Article(
                                    r.getString(1),
                                    r.getString(2),
                                    r.getString(3),
                                    r.getString(4),
                                    date(r, 5),
                                    date(r, 6))));
        } catch (SQLException e) {
            throw new IllegalStateException("Reference data could not be read", e);
        }
    }

    /** The code lists that features keep as enums (see {@link EnumCodeLists}). */
    @jakarta.inject.Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<EnumCodeLists> enumLists;

    /** One code list in order: from {@code ref_code}, or else one that a feature keeps as an enum; empty when neither has it. */
    public List<ReferenceViews.Code> codes(String list) {
        List<ReferenceViews.Code> codes =
                snapshot.codes.stream().filter(c -> c.list().equals(list)).toList();
        if (!codes.isEmpty()) {
            return codes;
        }
        return enumLists.stream()
                .flatMap(l -> l.lists().stream())
                .filter(l -> l.list().equals(list))
                .findFirst()
                .map(EnumCodeLists.EnumCodeList::labelled)
                .orElse(List.of());
    }

    public Snapshot lists() {
        return snapshot;
    }

    public Optional<ReferenceViews.Municipality> municipality(String code) {
        return Optional.ofNullable(code == null ? null : snapshot.municipalities.get(code));
    }

    public boolean policeUnitExists(String code) {
        return snapshot.policeUnits.stream().anyMatch(p -> p.code().equals(code));
    }

    public Optional<ReferenceViews.CourtDistrict> courtDistrict(String code) {
        return snapshot.courtDistricts.stream()
                .filter(d -> d.code().equals(code))
                .findFirst();
    }

    public boolean codeExists(String list, String code, LocalDate on) {
        return snapshot.codes.stream()
                .anyMatch(c -> c.list().equals(list) && c.code().equals(code) && c.validOn(on));
    }

    public boolean codeExists(String list, String code) {
        return snapshot.codes.stream()
                .anyMatch(c -> c.list().equals(list) && c.code().equals(code));
    }

    public Optional<ReferenceViews.Article> article(String article, String lawVersion) {
        return snapshot.articles.stream()
                .filter(a -> a.article().equals(article) && a.lawVersion().equals(lawVersion))
                .findFirst();
    }

    private interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    private static <T> List<T> read(Statement s, String sql, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(row.map(r));
            }
        }
        return List.copyOf(out);
    }

    private static LocalDate date(ResultSet r, int i) throws SQLException {
        Date d = r.getDate(i);
        return d == null ? null : d.toLocalDate();
    }

    public record Snapshot(
            List<ReferenceViews.PoliceUnit> policeUnits,
            List<ReferenceViews.ProsecutionOffice> prosecutionOffices,
            List<ReferenceViews.CourtDistrict> courtDistricts,
            Map<String, ReferenceViews.Municipality> municipalities,
            List<ReferenceViews.Code> codes,
            List<ReferenceViews.Article> articles) {

        static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());

        Snapshot(
                List<ReferenceViews.PoliceUnit> p,
                List<ReferenceViews.ProsecutionOffice> o,
                List<ReferenceViews.CourtDistrict> d,
                List<ReferenceViews.Municipality> m,
                List<ReferenceViews.Code> c,
                List<ReferenceViews.Article> a) {
            this(p, o, d, index(m), c, a);
        }

        private static Map<String, ReferenceViews.Municipality> index(List<ReferenceViews.Municipality> m) {
            Map<String, ReferenceViews.Municipality> map = new LinkedHashMap<>();
            m.forEach(x -> map.put(x.code(), x));
            return map;
        }
    }
}
