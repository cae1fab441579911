package dev.imagegen.testkit.xenodia;

/**
 * A reference file a multipart submit carried.
 *
 * @param field       the form field ({@code image} or {@code image[]})
 * @param fileName    the file name of the part
 * @param contentType the part's media type, null when it gave none
 * @param bytes       the content
 */
public record UploadedFile(String field, String fileName, String contentType, byte[] bytes) {

    public int size() {
        return bytes.length;
    }
}
