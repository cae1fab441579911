package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.Resolution;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unified aspect ratio and resolution as each family's {@code size}.
 *
 * <ul>
 *   <li>Legacy wan text-to-image: {@code W*H} of about 1024*1024 pixels in the asked ratio, each side within
 *       512..1440 and rounded to a multiple of 16; a ratio beyond 1440:512 gets the nearest shape the bounds allow.
 *       No ratio (or {@code auto}): {@code 1024*1024}, DashScope's default, sent explicitly.</li>
 *   <li>wan2.5 image edit: {@code W*H} of at least 1280*1280 pixels (sides rounded up to multiples of 16, so the
 *       total stays within DashScope's 768*768..1440*1440 and the later 1280*1280 floor), ratio within 1:4..4:1. No
 *       ratio: no size, so DashScope keeps the reference's own shape.</li>
 *   <li>qwen-image: one of its five fixed sizes; no ratio: {@code 1328*1328}.</li>
 *   <li>Seedream: the preset {@code 1K|2K|4K} for 1:1 or no ratio; otherwise {@code WxH} with the preset's pixel
 *       count (1024², 2048², 4096²) in the asked ratio, each side rounded down to a multiple of 8, so the total
 *       never exceeds Ark's 4096² ceiling and stays above each model's floor (4.0: 921,600; 4.5: 3,686,400). No
 *       resolution: 2K, Ark's default.</li>
 * </ul>
 */
final class Sizes {

    static final int WAN_MIN_SIDE = 512;
    static final int WAN_MAX_SIDE = 1440;
    static final int WAN_I2I_MIN_PIXELS = 768 * 768;
    static final int WAN_I2I_MAX_PIXELS = 1440 * 1440;
    static final long ARK_MAX_PIXELS = 4096L * 4096L;
    static final long SEEDREAM_40_MIN_PIXELS = 921_600;
    static final long SEEDREAM_45_MIN_PIXELS = 3_686_400;

    /** qwen-image's sizes, in the order its documentation lists them. */
    static final List<QwenSize> QWEN_SIZES = List.of(
            new QwenSize(16, 9, "1664*928"), new QwenSize(4, 3, "1472*1104"), new QwenSize(1, 1, "1328*1328"),
            new QwenSize(3, 4, "1104*1472"), new QwenSize(9, 16, "928*1664"));

    private Sizes() {
    }

    /** The DashScope {@code parameters.size}, or empty to leave the vendor's default. */
    static Optional<String> dashScope(ModelFamily family, AspectRatio ratio, Resolution resolution) {
        requireOffered(family, resolution);
        boolean open = ratio == null || ratio.isAuto();
        return switch (family) {
            case WAN_T2I -> Optional.of(open ? "1024*1024" : wanT2i(ratio.ratio()));
            case WAN_I2I -> open ? Optional.empty() : Optional.of(wanI2i(ratio.ratio()));
            case QWEN_IMAGE -> Optional.of(open ? "1328*1328" : qwen(ratio));
            case SEEDREAM_40, SEEDREAM_45 -> throw new IllegalArgumentException(family + " is not a DashScope model");
        };
    }

    /** The Ark {@code size}: a preset or {@code WxH}. */
    static String ark(ModelFamily family, AspectRatio ratio, Resolution resolution) {
        Resolution res = resolution == null ? Resolution.TWO_K : resolution;
        requireOffered(family, res);
        if (ratio == null || ratio.isAuto() || ratio.width() == ratio.height()) {
            return res.label();
        }
        double r = Math.max(1.0 / 16, Math.min(16, ratio.ratio()));
        double area = (double) res.nominalSide() * res.nominalSide();
        int width = floorTo(Math.sqrt(area * r), 8);
        int height = floorTo(Math.sqrt(area / r), 8);
        return width + "x" + height;
    }

    private static String wanT2i(double requested) {
        double r = Math.max((double) WAN_MIN_SIDE / WAN_MAX_SIDE, Math.min((double) WAN_MAX_SIDE / WAN_MIN_SIDE,
                requested));
        double area = 1024.0 * 1024.0;
        double w = Math.sqrt(area * r);
        double h = Math.sqrt(area / r);
        if (w > WAN_MAX_SIDE) {
            w = WAN_MAX_SIDE;
            h = w / r;
        } else if (h > WAN_MAX_SIDE) {
            h = WAN_MAX_SIDE;
            w = h * r;
        }
        return wanSide(w) + "*" + wanSide(h);
    }

    private static int wanSide(double side) {
        int rounded = (int) Math.round(side / 16) * 16;
        return Math.max(WAN_MIN_SIDE, Math.min(WAN_MAX_SIDE, rounded));
    }

    private static String wanI2i(double requested) {
        double r = Math.max(0.25, Math.min(4, requested));
        double area = 1280.0 * 1280.0;
        int width = ceilTo(Math.sqrt(area * r), 16);
        int height = ceilTo(Math.sqrt(area / r), 16);
        return width + "*" + height;
    }

    private static String qwen(AspectRatio ratio) {
        return QWEN_SIZES.stream()
                .filter(s -> Math.abs(s.ratio() - ratio.ratio()) < 0.01)
                .map(QwenSize::size)
                .findFirst()
                .orElseThrow(() -> unsupported("aspect ratio " + ratio + " is not offered by qwen-image"
                        + " (allowed: " + QWEN_SIZES.stream().map(QwenSize::ratioText)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    private static void requireOffered(ModelFamily family, Resolution resolution) {
        Set<Resolution> offered = family.capabilities().resolutions();
        if (resolution != null && !offered.contains(resolution)) {
            throw unsupported("resolution " + resolution + " is not offered by " + family.models() + " (allowed: "
                    + offered.stream().map(Resolution::label).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static int floorTo(double value, int step) {
        return (int) Math.floor(value / step) * step;
    }

    private static int ceilTo(double value, int step) {
        return (int) Math.ceil(value / step - 1e-9) * step;
    }

    private static ProviderException unsupported(String message) {
        return new ProviderException(ErrorCode.UNSUPPORTED_PARAMETER, null, "bailian: " + message);
    }

    /** One of qwen-image's fixed sizes and the ratio it stands for. */
    record QwenSize(int width, int height, String size) {
        double ratio() {
            return (double) width / height;
        }

        String ratioText() {
            return width + ":" + height;
        }
    }
}
