package dev.imagegen.adapter.archfixture;

import dev.imagegen.core.TaskId;

/** Deliberately bad: an adapter class that depends on the core. */
public class AdapterReachingIntoCore {

    TaskId id;
}
