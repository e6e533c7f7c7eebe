package nl.ketenzicht.linkage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import nl.ketenzicht.security.OrganisationType;

/**
 * Keeps the maintained overlap counts (overlap_count, registration_count; see V1_10_0) in step with
 * the registrations. A change to a registration can move every registration of the persons it
 * touches (merging or splitting persons), so the callers subtract those persons' contributions
 * before the change and add the contributions of the resulting persons after it, in the same
 * transaction and under the linkage lock. Both directions are computed from the registration table,
 * so nothing else needs to remember what was counted.
 */
@ApplicationScoped
class OverlapCounts {

    /** Bit i of a stored type mask is TYPES.get(i). Append-only: stored masks depend on the order. */
    static final List<OrganisationType> TYPES = List.of(
            OrganisationType.POLICE,
            OrganisationType.OM,
            OrganisationType.CARE,
            OrganisationType.YOUTH_CARE,
            OrganisationType.NATIONAL,
            OrganisationType.KMAR,
            OrganisationType.INSPECTORATE,
            OrganisationType.OTHER);

    /** Every registration once per year and quarter (0 = whole year), per police unit and nationally (''). */
    private static final String GRAIN =
            " FROM registration r JOIN (SELECT 0 AS by_quarter, 0 AS by_unit UNION ALL SELECT 0, 1"
                    + " UNION ALL SELECT 1, 0 UNION ALL SELECT 1, 1) g";

    private static final String PERIOD_COLUMNS =
            "YEAR(r.registered_on) AS period_year, g.by_quarter * QUARTER(r.registered_on) AS period_quarter,"
                    + " IF(g.by_unit = 1, r.police_unit, '') AS police_unit";

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    void subtract(Collection<Long> persons) {
        apply(persons, -1);
    }

    void add(Collection<Long> persons) {
        apply(persons, 1);
    }

    private void apply(Collection<Long> persons, int sign) {
        if (persons.isEmpty()) {
            return;
        }
        String in = " WHERE r.person_id IN (" + persons.stream().map(p -> "?").collect(Collectors.joining(",")) + ")";
        for (String sql : List.of(personsSql(in, sign), registrationsSql(in, sign))) {
            Query q = em.createNativeQuery(sql);
            int p = 1;
            for (long person : persons) {
                q.setParameter(p++, person);
            }
            q.executeUpdate();
        }
    }

    /** SQL: the bit of a registration's organisation type in a type mask. */
    static String typeBit(String column) {
        return "(1 << (FIELD(" + column + ", "
                + TYPES.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", ")) + ") - 1))";
    }

    /** Persons per type mask of the given persons (where: their registrations), times sign, added to overlap_count. */
    static String personsSql(String where, int sign) {
        return "INSERT INTO overlap_count (period_year, period_quarter, police_unit, type_mask, persons)"
                + " SELECT period_year, period_quarter, police_unit, type_mask, " + sign + " * COUNT(*) FROM (SELECT "
                + PERIOD_COLUMNS + ", BIT_OR(" + typeBit("r.organisation_type") + ") AS type_mask" + GRAIN + where
                + " GROUP BY r.person_id, 1, 2, 3) p GROUP BY period_year, period_quarter, police_unit, type_mask"
                + " ON DUPLICATE KEY UPDATE overlap_count.persons = overlap_count.persons + VALUES(persons)";
    }

    static String registrationsSql(String where, int sign) {
        return "INSERT INTO registration_count (period_year, period_quarter, police_unit, organisation_type, match_quality, registrations)"
                + " SELECT " + PERIOD_COLUMNS + ", r.organisation_type, r.match_quality, " + sign + " * COUNT(*)"
                + GRAIN + where
                + " GROUP BY 1, 2, 3, 4, 5"
                + " ON DUPLICATE KEY UPDATE registration_count.registrations = registration_count.registrations + VALUES(registrations)";
    }
}
