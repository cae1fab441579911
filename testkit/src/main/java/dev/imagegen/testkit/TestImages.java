package dev.imagegen.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small real images for simulators and tests. */
public final class TestImages {

    private TestImages() {
    }

    /** A real PNG of the given size: a gradient with a band in the given colour. */
    public static byte[] png(int width, int height, Color band) {
        return encode(width, height, band, "png");
    }

    /** A real JPEG of the given size. */
    public static byte[] jpeg(int width, int height, Color band) {
        return encode(width, height, band, "jpg");
    }

    /** A real 1x1 lossless WebP (34 bytes); ImageIO has no WebP writer. */
    public static byte[] webp() {
        return java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    private static byte[] encode(int width, int height, Color band, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int x = 0; x < width; x++) {
                g.setColor(new Color(x * 255 / Math.max(1, width - 1), 64, 160));
                g.drawLine(x, 0, x, height - 1);
            }
            g.setColor(band);
            g.fillRect(0, height / 3, width, Math.max(1, height / 3));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
