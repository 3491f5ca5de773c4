package dev.ticdcctl.sandbox;

import java.util.function.UnaryOperator;

/** The forwarding and authentication contract over plain HTTP. */
class ForwardingAndAuthTest extends ForwardingAndAuthContract {
    ForwardingAndAuthTest() {
        super(UnaryOperator.identity(), null);
    }
}
