package org.hotline.dispatch.internal.learning;

/** Where a training example came from. */
enum ExampleSource {
    /** A row of an imported history file. */
    IMPORT,
    /** A dispatcher's dispatch or an approved return: the label a person chose. */
    CORRECTION,
    /** The demo history shipped with the project, for a fresh install. */
    DEMO
}
