package nl.ketenzicht.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.security.UserAccount;
import nl.ketenzicht.security.Users;

/**
 * Import jobs for the demo, so that the import page shows its states with data on first start: the
 * police case worker's case file (the template's example case and a second case with a refused row)
 * and the coordinator's context file, both checked by a preview through the same background run as
 * any upload. A preview keeps nothing, so the demo's figures stay those of its synthetic world. Once,
 * while there are no jobs.
 */
@ApplicationScoped
public class DemoImports {

    @Inject
    ImportStore store;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRunner runner;

    @Inject
    Users users;

    @Inject
    Clock clock;

    public boolean needed() {
        return jobs.none();
    }

    /** Starts the previews of the demo's files; the number of jobs started. */
    public int seed() {
        int started = 0;
        started += preview("politie.demo", ImportTemplate.CASES, "zaken-voorbeeld.csv", caseFile());
        started +=
                preview("coordinator.demo", ImportTemplate.CONTEXT, "context-2024.csv", rows(ImportTemplate.CONTEXT));
        return started;
    }

    private int preview(String username, ImportTemplate template, String name, byte[] file) {
        UserAccount user = users.byUsername(username).orElse(null);
        if (user == null) {
            return 0;
        }
        Caller caller = new Caller(
                user.id(),
                user.username(),
                user.role(),
                user.organisation().id(),
                user.policeUnit(),
                null,
                null,
                true,
                null);
        UploadedFile uploaded = store.store(new ByteArrayInputStream(file), name, template);
        ImportJob job = jobs.create(new ImportJob(caller, "demo", template, uploaded, clock.instant()));
        jobs.startPreview(job.id(), new ImportJobs.Owner(caller.organisationId(), java.util.Set.of(template)));
        runner.start(job.id());
        return 1;
    }

    /** The template's example case, and a second case whose victim was born after the case was opened. */
    private static byte[] caseFile() {
        List<Map<ImportColumn, String>> rows = new ArrayList<>(Templates.example(ImportTemplate.CASES));
        rows.add(row(Map.of(
                ImportColumn.KIND, "ZAAK",
                ImportColumn.CASE_REF, "VOORBEELD-2",
                ImportColumn.REFERENCE, "VOORBEELD-2",
                ImportColumn.MUNICIPALITY, "GM0599",
                ImportColumn.OPENED_ON, "2024-05-13",
                ImportColumn.ORIGIN, "AANGIFTE",
                ImportColumn.EXPLOITATION_FORMS, "SEXUAL",
                ImportColumn.TEAM_TYPE, "ZEDEN",
                ImportColumn.SUSPECT_COUNT, "0",
                ImportColumn.NETWORK, "nee")));
        rows.add(row(Map.of(
                ImportColumn.KIND, "SLACHTOFFER",
                ImportColumn.CASE_REF, "VOORBEELD-2",
                ImportColumn.REFERENCE, "S1",
                ImportColumn.GENDER, "FEMALE",
                ImportColumn.BIRTH_YEAR, "2009",
                ImportColumn.EXPLOITATION_STARTED_ON, "2007-01-01")));
        return csv(ImportTemplate.CASES, rows);
    }

    private static byte[] rows(ImportTemplate template) {
        return csv(template, Templates.example(template));
    }

    private static Map<ImportColumn, String> row(Map<ImportColumn, String> values) {
        return new EnumMap<>(values);
    }

    private static byte[] csv(ImportTemplate template, List<Map<ImportColumn, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Templates.csv(template, "nl", rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
