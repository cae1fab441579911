package dev.imagegen.core.archfixture;

import dev.imagegen.spi.ModelId;
import java.util.List;

/** A core class that depends on the spi and the JDK only, as it should. */
public class WellBehaved {

    List<ModelId> models = List.of();
}
