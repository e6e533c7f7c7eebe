package nl.ketenzicht.linkage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.ketenzicht.security.Organisation;
import nl.ketenzicht.security.OrganisationType;
import nl.ketenzicht.security.Users;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * One list of the capture-recapture design: all registrations of a type of partner, or of one named
 * organisation. {@code code} is what the client sent and what term labels use.
 */
record ListSpec(String code, String label, OrganisationType type, Long organisationId) {

    static final String ORGANISATION_PREFIX = "org:";

    /** Parses and checks the lists; they must be distinct and must not overlap (an organisation inside a chosen type). */
    static List<ListSpec> parse(List<String> codes, Users users) {
        List<ListSpec> lists = new ArrayList<>();
        for (String code : codes) {
            lists.add(code.startsWith(ORGANISATION_PREFIX) ? organisation(code, users) : type(code));
        }
        Set<OrganisationType> types = new HashSet<>();
        Set<Long> organisations = new HashSet<>();
        lists.stream().filter(l -> l.type != null && l.organisationId == null).forEach(l -> types.add(l.type));
        for (ListSpec l : lists) {
            boolean repeated = l.organisationId == null
                    ? lists.stream()
                                    .filter(o -> o.organisationId == null && o.type == l.type)
                                    .count()
                            > 1
                    : !organisations.add(l.organisationId) || types.contains(l.type);
            if (repeated) {
                throw ProblemException.invalid(
                        "lists",
                        MessageCode.MSE_LIST_OVERLAPS,
                        java.util.Map.of("list", l.code),
                        "List '" + l.code + "' repeats or lies inside another chosen list; "
                                + "lists must not overlap by definition.");
            }
        }
        return lists;
    }

    private static ListSpec type(String code) {
        try {
            OrganisationType t = OrganisationType.valueOf(code);
            return new ListSpec(code, t.name(), t, null);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "lists",
                    MessageCode.MSE_LIST_UNKNOWN,
                    java.util.Map.of("list", code),
                    "Use an organisation type (" + List.of(OrganisationType.values()) + ") or org:<id>.");
        }
    }

    private static ListSpec organisation(String code, Users users) {
        long id;
        try {
            id = Long.parseLong(code.substring(ORGANISATION_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(
                    "lists", MessageCode.MSE_LIST_ORGANISATION_FORMAT, "Name an organisation as org:<id>.");
        }
        Organisation org = users.organisation(id)
                .orElseThrow(() -> ProblemException.invalid(
                        "lists", MessageCode.UNKNOWN_ORGANISATION, "Organisation " + id + " does not exist."));
        return new ListSpec(code.toLowerCase(Locale.ROOT), org.name(), org.type(), id);
    }

    /** SQL: 1 when a registration row belongs to this list (parameters bound in order by the caller). */
    String condition() {
        return organisationId == null ? "organisation_type = ?" : "organisation_id = ?";
    }

    Object parameter() {
        return organisationId == null ? type.name() : organisationId;
    }
}
