package dev.imagegen.spi.archfixture;

import dev.imagegen.core.TaskId;

/** Deliberately bad: an spi class that depends on the core. */
public class SpiReachingIntoCore {

    TaskId id;
}
