package dev.imagegen.store;

import dev.imagegen.spi.ImageStoreException;
import dev.imagegen.spi.StoredImage;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps images in an S3-compatible bucket: {@code s3://<bucket>/<prefix>/<task>/<index>.<ext>}. The download goes
 * to a temporary file in the JVM's temporary directory, then one PUT uploads it with its length, its content type
 * (read from its content) and its SHA-256, which the server checks; a PUT is atomic in S3 and replaces the same key
 * when a copy is repeated. The temporary file is deleted either way. Thread-safe.
 */
final class S3ImageStore extends CopyingImageStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path tempDir;

    S3ImageStore(S3Client s3, String bucket, String prefix, StoreOptions options) {
        super(options);
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.tempDir = Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    Path tempDir(String stem) {
        return tempDir;
    }

    @Override
    StoredImage keep(Download download, String stem) {
        String key = (prefix.isEmpty() ? "" : prefix + "/") + stem + "." + download.type().extension();
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket).key(key)
                .contentType(download.type().contentType())
                .contentLength(download.bytes())
                .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(download.sha256())))
                .build();
        try {
            s3.putObject(put, RequestBody.fromFile(download.file()));
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new ImageStoreException("bucket " + bucket + " refused the image: HTTP " + e.statusCode()
                    + (code == null ? "" : " " + code), e);
        } catch (SdkException e) {
            throw new ImageStoreException("the upload to bucket " + bucket + " failed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return new StoredImage(URI.create("s3://" + bucket + "/" + key), download.sha256(), download.bytes(),
                download.type().contentType());
    }

    @Override
    void release() {
        s3.close();
    }

    @Override
    public String describe() {
        return "S3 bucket " + bucket + (prefix.isEmpty() ? "" : ", prefix " + prefix);
    }
}
