package dev.imagegen.testkit;

/**
 * What the provider contract suite needs from a vendor simulator: a fake of the vendor's HTTP API on loopback
 * that can be told how to answer. Each adapter's simulator implements it in the vendor's own words.
 */
public interface VendorSimulator {

    /** Forgets every instruction: tasks succeed after moving through the vendor's states, calls are answered. */
    void reset();

    /**
     * The next submit is answered with this HTTP status and the vendor's own error body for it.
     *
     * @param vendorCode the vendor's error code to put in the body, or null for the status's usual one
     * @param retryAfterSeconds a {@code Retry-After} header to send, or null for none
     */
    void failNextSubmit(int httpStatus, String vendorCode, Integer retryAfterSeconds);

    /** Tasks submitted from now on end failed, with this vendor failure code. */
    void failTasksWith(String vendorFailCode);

    /** Tasks submitted from now on report exactly this vendor state on every status call. */
    void pinTasksTo(String vendorState);
}
