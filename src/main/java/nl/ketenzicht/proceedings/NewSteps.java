package nl.ketenzicht.proceedings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * A new chain step with its charges, checked by the API's rules (constraints, codes, dates, the
 * chain's order, the articles in force) but not yet stored: {@link ProceedingsService} stores it one
 * at a time, the bulk import in batches. One place for the rules, whichever way a step comes in.
 */
@ApplicationScoped
public class NewSteps {

    @Inject
    ReferenceData reference;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    /** A step recorded on its chain, and the charges that came with it. */
    public record Recorded(ChainEvent event, List<Charge> charges) {}

    public Recorded record(
            Proceedings chain,
            long partyId,
            ProceedingsRequests.ChainEventRequest r,
            long recordedByOrganisationId,
            Instant now) {
        checkCodesAndDates(r);
        ChainEvent event = chain.record(
                new Proceedings.Step(r.stage(), r.on(), r.decision(), r.verdict(), sentence(r.sentence())), now);
        event.recordedBy(recordedByOrganisationId);
        List<Charge> charges = r.charges() == null
                ? List.of()
                : r.charges().stream().map(c -> charge(partyId, c)).toList();
        return new Recorded(event, charges);
    }

    private void checkCodesAndDates(ProceedingsRequests.ChainEventRequest r) {
        Checks checks = new Checks(clock).valid(validator, r).past("on", r.on());
        if (r.sentence() != null) {
            checks.code("sentence.measure", r.sentence().measure(), c -> reference.codeExists("MEASURE", c));
        }
        if (r.charges() != null) {
            for (int i = 0; i < r.charges().size(); i++) {
                var charge = r.charges().get(i);
                checks.past("charges[" + i + "].offenceDate", charge == null ? null : charge.offenceDate());
            }
        }
        checks.throwIfAny();
    }

    private Charge charge(long partyId, ProceedingsRequests.ChargeRequest c) {
        var article = reference
                .article(c.article(), c.lawVersion())
                .orElseThrow(() -> new DomainRuleViolation(
                        MessageCode.ARTICLE_UNKNOWN,
                        Map.of("article", c.article(), "lawVersion", c.lawVersion()),
                        "charges.article",
                        "Article " + c.article() + " does not exist in law version " + c.lawVersion() + "."));
        if (!article.inForceOn(c.offenceDate())) {
            throw new DomainRuleViolation(
                    MessageCode.ARTICLE_NOT_IN_FORCE,
                    Map.of("article", c.article(), "lawVersion", c.lawVersion(), "date", c.offenceDate()),
                    "charges.article",
                    "Article " + c.article() + " (" + c.lawVersion() + ") was not in force on " + c.offenceDate()
                            + "; use the numbering of that date.");
        }
        return new Charge(partyId, c.article(), c.lawVersion(), c.offenceDate());
    }

    private static Sentence sentence(ProceedingsRequests.SentenceRequest s) {
        return s == null
                ? null
                : new Sentence(
                        s.custodyUnconditionalDays(),
                        s.custodyConditionalDays(),
                        s.communityServiceHours(),
                        s.fineEuros(),
                        s.measure());
    }
}
