package nl.ketenzicht.linkage.mse;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Exact multinomial draws as a chain of conditional binomials, so a resample costs a few random
 * numbers per capture history instead of one per observed person. The binomial sampler is the one
 * of NumPy's {@code random_binomial}: inversion when min(p, 1 − p)·n ≤ 30, otherwise BTPE
 * (Kachitvichyanukul &amp; Schmeiser 1988), both exact.
 */
final class Multinomial {

    private Multinomial() {}

    /**
     * Draws counts for the given cells: n draws with probabilities proportional to weights.
     *
     * @param weights non-negative cell weights (here the observed counts)
     * @return counts per cell, summing to n
     */
    static long[] draw(RandomGenerator random, long n, long[] weights) {
        long[] out = new long[weights.length];
        double remainingWeight = 0;
        for (long w : weights) {
            remainingWeight += w;
        }
        long remaining = n;
        for (int k = 0; k < weights.length && remaining > 0; k++) {
            if (k == weights.length - 1 || weights[k] >= remainingWeight) {
                out[k] = remaining;
                break;
            }
            long x = binomial(random, remaining, weights[k] / remainingWeight);
            out[k] = x;
            remaining -= x;
            remainingWeight -= weights[k];
        }
        return out;
    }

    static long binomial(RandomGenerator random, long n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p <= 0.5) {
            return p * n <= 30 ? inversion(random, n, p) : btpe(random, n, p);
        }
        double q = 1 - p;
        return q * n <= 30 ? n - inversion(random, n, q) : btpe(random, n, p);
    }

    /** Sequential search from 0 (p ≤ 0.5, np ≤ 30); restarts beyond a 10-sigma bound, as NumPy does. */
    private static long inversion(RandomGenerator random, long n, double p) {
        double q = 1 - p;
        double qn = Math.exp(n * Math.log(q));
        double np = n * p;
        long bound = (long) Math.min(n, np + 10 * Math.sqrt(np * q + 1));
        long x = 0;
        double px = qn;
        double u = random.nextDouble();
        while (u > px) {
            x++;
            if (x > bound) {
                x = 0;
                px = qn;
                u = random.nextDouble();
            } else {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
        }
        return x;
    }

    /** BTPE: triangle, parallelogram and exponential tails with squeeze and Stirling-based acceptance. */
    private static long btpe(RandomGenerator random, long n, double p) {
        double r = Math.min(p, 1 - p);
        double q = 1 - r;
        double fm = n * r + r;
        long m = (long) Math.floor(fm);
        double p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double a = (fm - xl) / (fm - xl * r);
        double laml = a * (1 + a / 2);
        a = (xr - fm) / (xr * q);
        double lamr = a * (1 + a / 2);
        double p2 = p1 * (1 + 2 * c);
        double p3 = p2 + c / laml;
        double p4 = p3 + c / lamr;
        double nrq = n * r * q;
        long y;
        while (true) {
            double u = random.nextDouble() * p4;
            double v = random.nextDouble();
            if (u <= p1) { // triangle: accept at once
                y = (long) Math.floor(xm - p1 * v + u);
                break;
            }
            if (u <= p2) { // parallelogram
                double x = xl + (u - p1) / c;
                v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
                if (v > 1) {
                    continue;
                }
                y = (long) Math.floor(x);
            } else if (u <= p3) { // left exponential tail
                y = (long) Math.floor(xl + Math.log(v) / laml);
                if (y < 0 || v == 0) {
                    continue;
                }
                v = v * (u - p2) * laml;
            } else { // right exponential tail
                y = (long) Math.floor(xr - Math.log(v) / lamr);
                if (y > n || v == 0) {
                    continue;
                }
                v = v * (u - p3) * lamr;
            }
            if (accept(n, r, q, m, xm, nrq, y, v)) {
                break;
            }
        }
        return p > 0.5 ? n - y : y;
    }

    private static boolean accept(long n, double r, double q, long m, double xm, double nrq, long y, double v) {
        long k = Math.abs(y - m);
        if (k <= 20 || k >= nrq / 2 - 1) { // explicit ratio f(y)/f(m)
            double s = r / q;
            double a = s * (n + 1);
            double f = 1;
            if (m < y) {
                for (long i = m + 1; i <= y; i++) {
                    f *= a / i - s;
                }
            } else if (m > y) {
                for (long i = y + 1; i <= m; i++) {
                    f /= a / i - s;
                }
            }
            return v <= f;
        }
        double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -(double) k * k / (2 * nrq);
        double logV = Math.log(v);
        if (logV < t - rho) {
            return true;
        }
        if (logV > t + rho) {
            return false;
        }
        double x1 = y + 1;
        double f1 = m + 1;
        double z = n + 1 - m;
        double w = n - y + 1;
        return logV
                <= xm * Math.log(f1 / x1)
                        + (n - m + 0.5) * Math.log(z / w)
                        + (y - m) * Math.log(w * r / (x1 * q))
                        + stirling(f1)
                        + stirling(z)
                        + stirling(x1)
                        + stirling(w);
    }

    /** Stirling series correction term of log x!, as in BTPE. */
    private static double stirling(double x) {
        double x2 = x * x;
        return (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
    }
}
