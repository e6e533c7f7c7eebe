package nl.ketenzicht.linkage.mse;

import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Poisson log-link GLM fitted by iteratively reweighted least squares exactly as R's {@code glm.fit}
 * does it, so that SparseMSE's figures are reproduced: start at μ = y + 0.1, stop when
 * |dev − devold| / (|dev| + 0.1) &lt; 1e-8, at most 25 iterations.
 */
final class PoissonGlm {

    static final double EPSILON = 1e-8;
    static final int MAX_ITERATIONS = 25;

    private PoissonGlm() {}

    /**
     * @param beta       coefficients, intercept first
     * @param mu         fitted means per row
     * @param covariance unscaled covariance (XᵀWX)⁻¹ with the weights of the last solve, as R's
     *                   {@code summary.glm()$cov.unscaled}
     */
    record Fit(double[] beta, double[] mu, double[][] covariance, double deviance, int iterations) {}

    static Fit fit(double[][] x, double[] y) {
        double[] mu = new double[y.length];
        double[] eta = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            mu[r] = y[r] + 0.1;
            eta[r] = Math.log(mu[r]);
        }
        double devOld = deviance(y, mu);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            HouseholderQr qr = weightedQr(x, mu);
            double[] beta = solve(qr, y, mu, eta);
            eta = multiply(x, beta);
            mu = exp(eta);
            double dev = deviance(y, mu);
            if (!Double.isFinite(dev)) {
                break;
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
                return new Fit(beta, mu, qr.unscaledCovariance(), dev, iteration);
            }
            devOld = dev;
        }
        throw new EstimateDoesNotExistException(
                EstimateDoesNotExistException.Reason.FIT_DID_NOT_CONVERGE,
                "the Poisson fit did not converge in " + MAX_ITERATIONS
                        + " iterations, so there is no finite estimate");
    }

    /** Poisson deviance; a zero count contributes 2μ. */
    static double deviance(double[] y, double[] mu) {
        double dev = 0;
        for (int r = 0; r < y.length; r++) {
            double term = y[r] > 0 ? y[r] * Math.log(y[r] / mu[r]) : 0;
            dev += 2 * (term - (y[r] - mu[r]));
        }
        return dev;
    }

    private static HouseholderQr weightedQr(double[][] x, double[] mu) {
        double[] w = new double[mu.length];
        for (int r = 0; r < mu.length; r++) {
            w[r] = Math.sqrt(mu[r]);
        }
        return new HouseholderQr(x, w);
    }

    /** Weighted least squares for the working response z = η + (y − μ)/μ. */
    private static double[] solve(HouseholderQr qr, double[] y, double[] mu, double[] eta) {
        double[] wz = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            wz[r] = Math.sqrt(mu[r]) * (eta[r] + (y[r] - mu[r]) / mu[r]);
        }
        try {
            return qr.solve(wz);
        } catch (SingularMatrixException e) {
            throw new EstimateDoesNotExistException(
                    EstimateDoesNotExistException.Reason.NOT_IDENTIFIABLE,
                    "the weighted design became singular during the fit, so the estimate is not identifiable");
        }
    }

    static double[] multiply(double[][] x, double[] beta) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double s = 0;
            for (int c = 0; c < beta.length; c++) {
                s += x[r][c] * beta[c];
            }
            out[r] = s;
        }
        return out;
    }

    private static double[] exp(double[] eta) {
        double[] out = new double[eta.length];
        for (int r = 0; r < eta.length; r++) {
            out[r] = Math.exp(eta[r]);
        }
        return out;
    }
}
