package nl.ketenzicht.proceedings;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What was imposed: custody (unconditional and conditional, in days), community service, fine, measure. */
@Embeddable
public class Sentence {

    @Column(name = "custody_unconditional_days")
    private Integer custodyUnconditionalDays;

    @Column(name = "custody_conditional_days")
    private Integer custodyConditionalDays;

    @Column(name = "community_service_hours")
    private Integer communityServiceHours;

    @Column(name = "fine_euros")
    private Integer fineEuros;

    private String measure;

    protected Sentence() {}

    public Sentence(
            Integer custodyUnconditionalDays,
            Integer custodyConditionalDays,
            Integer communityServiceHours,
            Integer fineEuros,
            String measure) {
        this.custodyUnconditionalDays = custodyUnconditionalDays;
        this.custodyConditionalDays = custodyConditionalDays;
        this.communityServiceHours = communityServiceHours;
        this.fineEuros = fineEuros;
        this.measure = measure;
    }

    boolean isEmpty() {
        return positive(custodyUnconditionalDays)
                                + positive(custodyConditionalDays)
                                + positive(communityServiceHours)
                                + positive(fineEuros)
                        == 0
                && (measure == null || measure.equals("NONE"));
    }

    private static int positive(Integer v) {
        return v != null && v > 0 ? 1 : 0;
    }

    public Integer custodyUnconditionalDays() {
        return custodyUnconditionalDays;
    }

    public Integer custodyConditionalDays() {
        return custodyConditionalDays;
    }

    public Integer communityServiceHours() {
        return communityServiceHours;
    }

    public Integer fineEuros() {
        return fineEuros;
    }

    public String measure() {
        return measure;
    }
}
