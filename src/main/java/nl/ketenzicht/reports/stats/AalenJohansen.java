package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Aalen–Johansen estimator of the cumulative incidence function (CIF) of one event in the
 * presence of a competing ending, for right-censored times (Kalbfleisch &amp; Prentice 2002, §8.2):
 * at each distinct time t_j with n_j at risk, d_j events and c_j competing endings,
 * F(t_j) = F(t_j−1) + S(t_j−1) · d_j / n_j and S(t_j) = S(t_j−1) · (1 − (d_j + c_j) / n_j).
 *
 * <p>Ties on one day: events, then competing endings, then censorings. Taken in that order within
 * the day, the event step removes d_j from n_j and the competing step c_j from n_j − d_j, which gives
 * exactly the simultaneous formulas above; the censored are at risk for both (the usual convention).
 *
 * <p>Variance: the delta-method (Greenwood-type) estimator of Marubini &amp; Valsecchi (1995), as in
 * Pintilie (2006, eq. 4.3), Collett (2015, §12.2) and SAS PROC LIFETEST:
 * Var F(t) = Σ_{t_j ≤ t} [F(t) − F(t_j)]² (d_j + c_j) / (n_j (n_j − d_j − c_j))
 *          + Σ_{t_j ≤ t} S(t_j−1)² d_j (n_j − d_j) / n_j³
 *          − 2 Σ_{t_j ≤ t} [F(t) − F(t_j)] S(t_j−1) d_j / n_j².
 * Without competing endings it equals Greenwood's variance of 1 − S. The 95% interval is taken on the
 * log(−log(1 − F)) scale, so it stays inside (0, 1) and, without competing endings, is the log-log
 * interval of Kaplan–Meier; the normal quantile comes from commons-math.
 */
public final class AalenJohansen {

    static final double Z_95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    private AalenJohansen() {}

    public static IncidenceCurve fit(Collection<CompetingObservation> observations) {
        TreeMap<Double, int[]> byTime = new TreeMap<>();
        for (CompetingObservation o : observations) {
            byTime.computeIfAbsent(o.time(), t -> new int[3])[o.outcome().ordinal()]++;
        }
        List<IncidencePoint> points = new ArrayList<>(byTime.size());
        Sums sums = new Sums();
        int atRisk = observations.size();
        double incidence = 0.0;
        double competingIncidence = 0.0;
        double survival = 1.0;
        for (var entry : byTime.entrySet()) {
            int[] n = entry.getValue();
            int d = n[0];
            int c = n[1];
            double before = survival;
            incidence += before * d / atRisk;
            competingIncidence += before * c / atRisk;
            survival = before * (atRisk - d - c) / atRisk;
            sums.add(atRisk, d, c, before, incidence);
            points.add(point(
                    entry.getKey(), atRisk, n, incidence, competingIncidence, survival, sums.variance(incidence)));
            atRisk -= d + c + n[2];
        }
        return new IncidenceCurve(points);
    }

    private static IncidencePoint point(
            double time, int atRisk, int[] n, double f, double f2, double s, double variance) {
        OptionalDouble lower = OptionalDouble.empty();
        OptionalDouble upper = OptionalDouble.empty();
        if (f > 0.0 && f < 1.0) {
            // g(F) = log(−log(1 − F)), g'(F) = 1 / ((1 − F) · (−log(1 − F))): the delta method gives se(g).
            double g = Math.log(-Math.log1p(-f));
            double se = Math.sqrt(Math.max(0.0, variance)) / ((1.0 - f) * -Math.log1p(-f));
            lower = OptionalDouble.of(-Math.expm1(-Math.exp(g - Z_95 * se)));
            upper = OptionalDouble.of(-Math.expm1(-Math.exp(g + Z_95 * se)));
        }
        return new IncidencePoint(time, atRisk, n[0], n[1], n[2], f, f2, s, Math.max(0.0, variance), lower, upper);
    }

    /**
     * Running sums that give the variance above at every time in O(1): with a_j, b_j, c_j the three
     * summands' weights, Σ (F − F_j)² a_j = F² Σa − 2F Σ F_j a_j + Σ F_j² a_j, and so on.
     */
    private static final class Sums {
        private double a;
        private double fa;
        private double ffa;
        private double b;
        private double c;
        private double fc;

        void add(int n, int d, int competing, double survivalBefore, double incidence) {
            int all = d + competing;
            // When everyone at risk ends here this is the last time, where F(t) − F(t_j) = 0: the term is 0.
            double aj = all == 0 || all == n ? 0.0 : (double) all / ((double) n * (n - all));
            a += aj;
            fa += incidence * aj;
            ffa += incidence * incidence * aj;
            b += survivalBefore * survivalBefore * d * (n - d) / ((double) n * n * n);
            double cj = survivalBefore * d / ((double) n * n);
            c += cj;
            fc += incidence * cj;
        }

        double variance(double f) {
            return f * f * a - 2 * f * fa + ffa + b - 2 * (f * c - fc);
        }
    }
}
