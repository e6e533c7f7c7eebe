package nl.ketenzicht.linkage.mse;

/**
 * The requested model gives no finite, unique population estimate for these data; no number may be
 * reported. The message says why in plain words.
 */
public final class EstimateDoesNotExistException extends RuntimeException {

    /** Why the estimate is refused. */
    public enum Reason {
        /** The linear-programme check shows the maximum-likelihood estimate is not finite. */
        NOT_FINITE,
        /** The design matrix is rank deficient: the parameters are not identifiable. */
        NOT_IDENTIFIABLE,
        /** Both of the above. */
        NOT_FINITE_NOR_IDENTIFIABLE,
        /** The iterative fit did not converge to finite values. */
        FIT_DID_NOT_CONVERGE
    }

    private final Reason reason;

    EstimateDoesNotExistException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
