package nl.ketenzicht.linkage.mse;

import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Householder QR of the row-weighted design, on plain arrays. It is the algorithm of commons-math's
 * {@code QRDecomposition} step for step (same reflections, same order of operations), without its
 * matrix and vector objects, whose copying dominated the bootstrap's running time.
 */
final class HouseholderQr {

    /** The transposed factorisation: qrt[column][row], Householder vectors below and R above the diagonal. */
    private final double[][] qrt;

    private final double[] rDiag;
    private final int rows;
    private final int columns;

    /** Factorises diag(weights)·x. */
    HouseholderQr(double[][] x, double[] weights) {
        rows = x.length;
        columns = x[0].length;
        qrt = new double[columns][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                qrt[c][r] = weights[r] * x[r][c];
            }
        }
        rDiag = new double[Math.min(rows, columns)];
        for (int minor = 0; minor < rDiag.length; minor++) {
            reflect(minor);
        }
    }

    private void reflect(int minor) {
        double[] v = qrt[minor];
        double norm2 = 0;
        for (int r = minor; r < rows; r++) {
            norm2 += v[r] * v[r];
        }
        double a = v[minor] > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
        rDiag[minor] = a;
        if (a == 0.0) {
            return;
        }
        v[minor] -= a;
        for (int c = minor + 1; c < columns; c++) {
            double[] col = qrt[c];
            double alpha = 0;
            for (int r = minor; r < rows; r++) {
                alpha -= col[r] * v[r];
            }
            alpha /= a * v[minor];
            for (int r = minor; r < rows; r++) {
                col[r] -= alpha * v[r];
            }
        }
    }

    /** Least-squares solution of (diag(w)·x)·β = b. */
    double[] solve(double[] b) {
        requireNonSingular();
        double[] y = b.clone();
        for (int minor = 0; minor < rDiag.length; minor++) {
            double[] v = qrt[minor];
            double dot = 0;
            for (int r = minor; r < rows; r++) {
                dot += y[r] * v[r];
            }
            dot /= rDiag[minor] * v[minor];
            for (int r = minor; r < rows; r++) {
                y[r] += dot * v[r];
            }
        }
        double[] beta = new double[columns];
        for (int row = columns - 1; row >= 0; row--) {
            y[row] /= rDiag[row];
            beta[row] = y[row];
            for (int i = 0; i < row; i++) {
                y[i] -= beta[row] * qrt[row][i];
            }
        }
        return beta;
    }

    /** (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ, with R⁻¹ by back substitution. */
    double[][] unscaledCovariance() {
        requireNonSingular();
        double[][] inverse = new double[columns][columns];
        for (int j = 0; j < columns; j++) {
            inverse[j][j] = 1 / rDiag[j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0;
                for (int k = i + 1; k <= j; k++) {
                    s += qrt[k][i] * inverse[k][j];
                }
                inverse[i][j] = -s / rDiag[i];
            }
        }
        double[][] cov = new double[columns][columns];
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < columns; j++) {
                double s = 0;
                for (int k = Math.max(i, j); k < columns; k++) {
                    s += inverse[i][k] * inverse[j][k];
                }
                cov[i][j] = s;
            }
        }
        return cov;
    }

    private void requireNonSingular() {
        if (rows < columns) {
            throw new SingularMatrixException();
        }
        for (double d : rDiag) {
            if (d == 0.0) {
                throw new SingularMatrixException();
            }
        }
    }
}
