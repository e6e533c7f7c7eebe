package nl.ketenzicht.linkage.mse;

/**
 * Test oracle: Newton–Raphson for the Poisson log-linear model written with plain arrays and
 * Gaussian elimination, deliberately sharing no code with production. It iterates to machine
 * precision rather than to R's deviance criterion.
 */
final class IndependentPoissonFit {

    final double[] beta;
    final double[] mu;
    final double[][] inverseInformation;

    private IndependentPoissonFit(double[] beta, double[] mu, double[][] inverseInformation) {
        this.beta = beta;
        this.mu = mu;
        this.inverseInformation = inverseInformation;
    }

    /** Cells and columns are built here from the table too, again without production code. */
    static IndependentPoissonFit fit(CaptureTable table, int[][] pairs) {
        int t = table.listCount();
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        java.util.List<Double> ys = new java.util.ArrayList<>();
        for (int h = 1; h < (1 << t); h++) {
            if (inEmptyOverlap(table, pairs, h)) {
                continue;
            }
            double[] row = new double[1 + t + pairs.length];
            row[0] = 1;
            for (int i = 0; i < t; i++) {
                row[1 + i] = (h >> i) & 1;
            }
            for (int k = 0; k < pairs.length; k++) {
                row[1 + t + k] = ((h >> pairs[k][0]) & 1) * ((h >> pairs[k][1]) & 1);
            }
            rows.add(row);
            ys.add((double) table.count(h));
        }
        return newton(
                rows.toArray(double[][]::new),
                ys.stream().mapToDouble(Double::doubleValue).toArray(),
                dropEmpty(table, pairs));
    }

    private static boolean inEmptyOverlap(CaptureTable table, int[][] pairs, int h) {
        for (int[] p : pairs) {
            if (overlap(table, p) == 0 && ((h >> p[0]) & 1) == 1 && ((h >> p[1]) & 1) == 1) {
                return true;
            }
        }
        return false;
    }

    private static long overlap(CaptureTable table, int[] p) {
        long s = 0;
        for (int h = 1; h <= table.historyCount(); h++) {
            s += ((h >> p[0]) & 1) * ((h >> p[1]) & 1) * table.count(h);
        }
        return s;
    }

    /** Columns of empty-overlap pairs are dropped (β = −∞ handled by deleting their cells). */
    private static boolean[] dropEmpty(CaptureTable table, int[][] pairs) {
        boolean[] keep = new boolean[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            keep[k] = overlap(table, pairs[k]) > 0;
        }
        return keep;
    }

    private static IndependentPoissonFit newton(double[][] xAll, double[] y, boolean[] keepPair) {
        int base = xAll[0].length - keepPair.length;
        int[] columns = java.util.stream.IntStream.range(0, xAll[0].length)
                .filter(c -> c < base || keepPair[c - base])
                .toArray();
        double[][] x = new double[xAll.length][columns.length];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                x[r][c] = xAll[r][columns[c]];
            }
        }
        int p = columns.length;
        double[] mu = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            mu[r] = y[r] + 0.5;
        }
        double[] beta = leastSquaresLog(x, mu);
        for (int iteration = 0; iteration < 200; iteration++) {
            mu = means(x, beta);
            double[][] info = information(x, mu);
            double[] score = new double[p];
            for (int r = 0; r < y.length; r++) {
                for (int c = 0; c < p; c++) {
                    score[c] += x[r][c] * (y[r] - mu[r]);
                }
            }
            double[] step = solve(info, score);
            double largest = 0;
            for (int c = 0; c < p; c++) {
                beta[c] += step[c];
                largest = Math.max(largest, Math.abs(step[c]));
            }
            if (largest < 1e-13) {
                break;
            }
        }
        mu = means(x, beta);
        return new IndependentPoissonFit(beta, mu, inverse(information(x, mu)));
    }

    /** Starting point: unweighted least squares of log(y + 0.5). */
    private static double[] leastSquaresLog(double[][] x, double[] start) {
        int p = x[0].length;
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (int r = 0; r < x.length; r++) {
            for (int a = 0; a < p; a++) {
                xty[a] += x[r][a] * Math.log(start[r]);
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += x[r][a] * x[r][b];
                }
            }
        }
        return solve(xtx, xty);
    }

    private static double[] means(double[][] x, double[] beta) {
        double[] mu = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double eta = 0;
            for (int c = 0; c < beta.length; c++) {
                eta += x[r][c] * beta[c];
            }
            mu[r] = Math.exp(eta);
        }
        return mu;
    }

    private static double[][] information(double[][] x, double[] mu) {
        int p = x[0].length;
        double[][] info = new double[p][p];
        for (int r = 0; r < x.length; r++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    info[a][b] += x[r][a] * mu[r] * x[r][b];
                }
            }
        }
        return info;
    }

    private static double[][] inverse(double[][] m) {
        int p = m.length;
        double[][] inv = new double[p][];
        for (int c = 0; c < p; c++) {
            double[] e = new double[p];
            e[c] = 1;
            inv[c] = solve(m, e); // symmetric, so columns = rows
        }
        return inv;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        double[] b = b0.clone();
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int c = i + 1; c < n; c++) {
                s -= a[i][c] * x[c];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
