package dev.imagegen.spi;

/**
 * The file format of generated images. Adapters spell it as their vendor wants ({@code jpg}, {@code jpeg}).
 * Immutable (an enum).
 */
public enum OutputFormat {
    PNG("png", "image/png"),
    JPEG("jpeg", "image/jpeg");

    private final String label;
    private final String mimeType;

    OutputFormat(String label, String mimeType) {
        this.label = label;
        this.mimeType = mimeType;
    }

    /** The neutral spelling: {@code png} or {@code jpeg}. */
    public String label() {
        return label;
    }

    public String mimeType() {
        return mimeType;
    }

    /**
     * Reads {@code png} or {@code jpeg} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static OutputFormat parse(String text) {
        for (OutputFormat f : values()) {
            if (f.label.equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("output format '" + text + "' must be one of png, jpeg");
    }

    @Override
    public String toString() {
        return label;
    }
}
