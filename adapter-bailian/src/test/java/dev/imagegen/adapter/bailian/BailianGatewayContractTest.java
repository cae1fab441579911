package dev.imagegen.adapter.bailian;

import dev.imagegen.testkit.bailian.BailianSimulator;

/** The provider contract in the gateway style ({@code BAILIAN_API_STYLE=gateway}). */
class BailianGatewayContractTest extends BailianProviderContractTest {

    @Override
    BailianSimulator.Style style() {
        return BailianSimulator.Style.GATEWAY;
    }
}
