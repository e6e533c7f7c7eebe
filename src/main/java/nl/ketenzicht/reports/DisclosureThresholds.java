package nl.ketenzicht.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of the thresholds that every published figure keeps: the reports with their exports and
 * print views, the monitor, the indicators and the dark-number estimates read them here, so a screen, a
 * download and a page that combines them publish the same figures. The cell-key method's own parameters
 * (its noise distribution) are those of {@link CellKeyPerturbation}.
 */
@ApplicationScoped
public class DisclosureThresholds {

    @Inject
    @ConfigProperty(name = "ketenzicht.reports.throughput.median-min-events", defaultValue = "10")
    int medianMinEvents;

    /** The cell-key threshold k: no count of 1..k−1 is published as itself. */
    public int k() {
        return CellKeyPerturbation.K;
    }

    /** The events a published median needs on each side (a throughput report takes at least k). */
    public int medianMinEvents() {
        return medianMinEvents;
    }
}
