package dev.imagegen.adapter.apixo;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import java.util.List;

/**
 * Makes the {@code apixo} provider: Apixo's task API ({@code POST /api/v1/generateTask/{model}}, then
 * {@code GET /api/v1/statusTask/{model}?taskId=}) serving {@code nano-banana-pro}, whose capabilities it declares
 * ({@code ApixoModels}).
 *
 * <p>What the provider does on the wire: references travel as URLs only (Apixo has no upload), so inline bytes and
 * more than 10 references are refused with {@code UNSUPPORTED_PARAMETER} before any call; {@code mode} is
 * {@code image-to-image} exactly when references are present; resolution is sent upper case; values the request
 * leaves open are omitted so Apixo's defaults apply; {@code providerOptions.apixo.provider}
 * ({@code auto|value|official}) is passed as the routing strategy. Result URLs are stamped to expire 24 h after
 * the task completed. A status call for a task Apixo no longer knows (404) is reported as a {@code FAILED}
 * snapshot with {@code GENERATION_FAILED} and vendor code {@code 404}, since polling again cannot revive it.
 *
 * <p>Callbacks (see {@link ApixoConfig}): with {@code APIXO_CALLBACK_URL} set, submissions that carry a callback
 * URL ask Apixo to POST the finished task there. {@link ImageProvider#callbackTaskId(byte[])} reads the vendor task
 * id from such a body (empty for anything else); a callback never completes a task by itself, it only makes the
 * core poll the task at once, and the poll's answer drives it. Duplicate callbacks therefore cost one status call
 * each, and lost callbacks are covered by the regular polling.
 *
 * <p>Stateless and thread-safe.
 */
public final class ApixoProviderFactory implements ImageProviderFactory {

    @Override
    public ProviderId id() {
        return ApixoConfig.ID;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return ApixoConfig.keys();
    }

    @Override
    public boolean enabled(ProviderConfig config) {
        return config.isSet(ApixoConfig.API_KEY);
    }

    @Override
    public ImageProvider create(ProviderConfig config) {
        return new ApixoProvider(ApixoConfig.read(config));
    }
}
