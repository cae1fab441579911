package dev.imagegen.spi;

/**
 * Why an {@link ImageStore} could not copy an image. Its message is fit for an event's warning: it names the reason
 * (and the host, never a query string or a credential). Immutable once thrown.
 */
public final class ImageStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImageStoreException(String message) {
        super(message);
    }

    public ImageStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
