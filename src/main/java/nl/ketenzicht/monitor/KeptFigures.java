package nl.ketenzicht.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.ketenzicht.care.CareChanged;
import nl.ketenzicht.cases.CaseChanged;
import nl.ketenzicht.parties.PartyChanged;
import nl.ketenzicht.proceedings.ChainChanged;
import nl.ketenzicht.reports.ReportDataChanged;

/**
 * The monitor's published figures, kept between requests: recomputing ten years of reports takes
 * seconds at a million cases, reading them back takes nothing. Exact, not a time-to-live cache: every
 * committed change to the data they come from (the domain events of cases, parties, the chain and
 * care; {@link ReportDataChanged} for purges, rebuilds, context and registrations) starts a new
 * generation, and a kept entry is used only in the generation it was computed in. The generation is
 * read before the computation's transaction takes its snapshot, so an entry computed from data older
 * than the last commit carries an older generation and is never served. Kept per server: each
 * instance of the application keeps and drops its own (the events are per instance, like the
 * aggregates' refresh, which runs in the writer's transaction).
 */
@ApplicationScoped
public class KeptFigures {

    /** Years × units × one day: far fewer in practice; past it everything is dropped and kept anew. */
    static final int MAX_ENTRIES = 512;

    /** One monitor's figures: the year asked for, the caller's unit (null: national) and today's date. */
    record Key(int year, String unit, LocalDate today) {}

    private record Entry(long generation, MonitorInputs.Computed figures) {}

    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Object> computing = new ConcurrentHashMap<>();

    /**
     * The kept figures of the key when they are of the current generation, else computed by
     * {@code compute} (which must start its own transaction) and kept if no change committed meanwhile.
     */
    MonitorInputs.Computed get(Key key, Supplier<MonitorInputs.Computed> compute) {
        MonitorInputs.Computed kept = current(key);
        if (kept != null) {
            return kept;
        }
        // One computation per key at a time: the others wait for it rather than load the database alike.
        synchronized (computing.computeIfAbsent(key, k -> new Object())) {
            long at = generation.get();
            kept = current(key);
            if (kept != null) {
                return kept;
            }
            MonitorInputs.Computed figures = compute.get();
            if (generation.get() == at) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                    computing.clear();
                }
                entries.put(key, new Entry(at, figures));
            }
            return figures;
        }
    }

    private MonitorInputs.Computed current(Key key) {
        Entry kept = entries.get(key);
        return kept != null && kept.generation() == generation.get() ? kept.figures() : null;
    }

    /** The current generation: how many committed changes this server has seen. */
    long generation() {
        return generation.get();
    }

    void onCase(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseChanged e) {
        changed();
    }

    void onParty(@Observes(during = TransactionPhase.AFTER_SUCCESS) PartyChanged e) {
        changed();
    }

    void onChain(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChainChanged e) {
        changed();
    }

    void onCare(@Observes(during = TransactionPhase.AFTER_SUCCESS) CareChanged e) {
        changed();
    }

    void onData(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportDataChanged e) {
        changed();
    }

    private void changed() {
        generation.incrementAndGet();
        entries.clear();
    }
}
