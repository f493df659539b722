package org.msp.project.prioritisation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The weights of the five score components (any non-negative numbers; they are normalised to sum 1). */
@ConfigMapping(prefix = "msp.prioritisation.weights")
public interface PrioritisationWeights {
    double esg();

    double support();

    double diversification();

    @WithName("value-addition")
    double valueAddition();

    double transparency();
}
