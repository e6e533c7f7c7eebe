package nl.ketenzicht.linkage.mse;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Poisson log-link GLM fitted by iteratively reweighted least squares exactly as R's {@code glm.fit}
 * does it, so that SparseMSE's figures are reproduced: start at μ = y + 0.1, stop when
 * |dev − devold| / (|dev| + 0.1) &lt; 1e-8, at most 25 iterations.
 */
final class PoissonGlm {

    static final double EPSILON = 1e-8;
    static final int MAX_ITERATIONS = 25;

    private PoissonGlm() {
    }

    /**
     * @param beta       coefficients, intercept first
     * @param mu         fitted means per row
     * @param covariance unscaled covariance (XᵀWX)⁻¹ with the weights of the last solve, as R's
     *                   {@code summary.glm()$cov.unscaled}
     */
    record Fit(double[] beta, double[] mu, double[][] covariance, double deviance, int iterations) {
    }

    static Fit fit(double[][] x, double[] y) {
        double[] mu = new double[y.length];
        double[] eta = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            mu[r] = y[r] + 0.1;
            eta[r] = Math.log(mu[r]);
        }
        double devOld = deviance(y, mu);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            QRDecomposition qr = weightedQr(x, mu);
            double[] beta = solve(qr, x, y, mu, eta);
            eta = multiply(x, beta);
            mu = exp(eta);
            double dev = deviance(y, mu);
            if (!Double.isFinite(dev)) {
                break;
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
                return new Fit(beta, mu, covariance(qr, x[0].length), dev, iteration);
            }
            devOld = dev;
        }
        throw new EstimateDoesNotExistException(EstimateDoesNotExistException.Reason.FIT_DID_NOT_CONVERGE,
                "the Poisson fit did not converge in " + MAX_ITERATIONS + " iterations, so there is no finite estimate");
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

    private static QRDecomposition weightedQr(double[][] x, double[] mu) {
        double[][] wx = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double w = Math.sqrt(mu[r]);
            wx[r] = new double[x[r].length];
            for (int c = 0; c < x[r].length; c++) {
                wx[r][c] = w * x[r][c];
            }
        }
        return new QRDecomposition(new Array2DRowRealMatrix(wx, false));
    }

    /** Weighted least squares for the working response z = η + (y − μ)/μ. */
    private static double[] solve(QRDecomposition qr, double[][] x, double[] y, double[] mu, double[] eta) {
        double[] wz = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            wz[r] = Math.sqrt(mu[r]) * (eta[r] + (y[r] - mu[r]) / mu[r]);
        }
        try {
            return qr.getSolver().solve(new ArrayRealVector(wz, false)).toArray();
        } catch (SingularMatrixException e) {
            throw new EstimateDoesNotExistException(EstimateDoesNotExistException.Reason.NOT_IDENTIFIABLE,
                    "the weighted design became singular during the fit, so the estimate is not identifiable");
        }
    }

    private static double[][] covariance(QRDecomposition qr, int p) {
        RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
        RealMatrix rInverse = new QRDecomposition(r).getSolver().getInverse();
        return rInverse.multiply(rInverse.transpose()).getData();
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
