package dev.imagegen.adapter.bailian;

import dev.imagegen.adapter.bailian.sim.BailianSimulator;

/** The provider contract in the gateway style ({@code BAILIAN_API_STYLE=gateway}). */
class BailianGatewayContractTest extends BailianProviderContractTest {

    @Override
    BailianSimulator.Style style() {
        return BailianSimulator.Style.GATEWAY;
    }
}
