package nl.ketenzicht.audit;

import java.time.LocalDate;

/** Search parameters of the access log, as the resource reads them from the query. */
record AuditFilter(
        String actor,
        String username,
        String action,
        Long subject,
        LocalDate from,
        LocalDate to,
        int offset,
        int limit) {}
