package dev.imagegen.adapter.bailian;

import dev.imagegen.testkit.bailian.BailianSimulator;

/** The provider contract in the native DashScope style ({@code BAILIAN_API_STYLE=dashscope}). */
class BailianDashScopeContractTest extends BailianProviderContractTest {

    @Override
    BailianSimulator.Style style() {
        return BailianSimulator.Style.DASHSCOPE;
    }
}
