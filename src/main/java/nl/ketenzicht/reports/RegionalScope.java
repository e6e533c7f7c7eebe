package nl.ketenzicht.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The one regional scope of every aggregate endpoint (reports, indicators, the dark number): a
 * national coordinator sees every region; a regional coordinator sees the regions that lie in their
 * police unit, next to the national figure, and nothing that names another unit or an organisation
 * of another unit. Asking for one outside it is refused with 403.
 */
@RequestScoped
public class RegionalScope {

    @Inject
    CurrentCaller caller;

    @Inject
    Jdbc jdbc;

    /** The caller's police unit when they are a regional coordinator; null for a national one. */
    public String unit() {
        return caller.require().policeUnit();
    }

    /** The regions of the level the caller may see. */
    Set<String> visible(Connection c, ReportRequest.Level level, List<RegionRef> regions) throws SQLException {
        String unit = unit();
        return unit == null
                ? regions.stream().map(RegionRef::code).collect(Collectors.toSet())
                : RegionDirectory.within(c, level, unit);
    }

    /** One region of the level asked for by name (a print view), if it lies in the scope. */
    Set<String> only(Connection c, ReportRequest.Level level, List<RegionRef> regions, String region)
            throws SQLException {
        Set<String> allowed = visible(c, level, regions);
        if (!allowed.contains(region)) {
            throw notYours(allowed);
        }
        return Set.of(region);
    }

    /** The police units the caller may see, of the given ones (indicators are per unit). */
    public Set<String> visibleUnits(Connection c, List<String> units) throws SQLException {
        return visible(
                c,
                ReportRequest.Level.POLICE_UNIT,
                units.stream().map(u -> new RegionRef(u, u)).toList());
    }

    /** A police unit a figure is asked for (null: the national figure, which everyone sees). */
    public void requireUnit(String policeUnit) {
        if (policeUnit == null || unit() == null) {
            return;
        }
        Set<String> allowed = jdbc.with(
                "The regions could not be read",
                c -> RegionDirectory.within(c, ReportRequest.Level.POLICE_UNIT, unit()));
        if (!allowed.contains(policeUnit)) {
            throw notYours(allowed);
        }
    }

    /**
     * An organisation a figure is asked for by name: one of another unit is another unit's figure.
     * Organisations without a unit (national partners) are everyone's.
     */
    public void requireOrganisation(long organisationId, String organisationsUnit) {
        if (organisationsUnit == null || unit() == null) {
            return;
        }
        if (!jdbc.with(
                        "The regions could not be read",
                        c -> RegionDirectory.within(c, ReportRequest.Level.POLICE_UNIT, unit()))
                .contains(organisationsUnit)) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    MessageCode.FORBIDDEN_ORGANISATION_NOT_YOURS,
                    Map.of("organisation", organisationId, "unit", unit()),
                    "Organisation " + organisationId + " lies outside your police unit " + unit() + ".");
        }
    }

    private static ProblemException notYours(Set<String> allowed) {
        String list = allowed.stream().sorted().collect(Collectors.joining(", "));
        return new ProblemException(
                403,
                "Forbidden",
                MessageCode.FORBIDDEN_REGION_NOT_YOURS,
                Map.of("allowed", list),
                "This region lies outside your police unit; choose one of: " + list + ".");
    }
}
