/**
 * Dispatch (派单): a community's standing assignment of open needs to offers, kept as events in
 * core's event store so that every server sees the same remaining capacity. Arrivals are answered
 * at once; a periodic re-optimisation with the exact kernel moves only commitments not yet
 * started; basic needs come first across time under the community's {@link
 * io.github.linli.matching.dispatch.DispatchPolicy.Preemption preemption policy}. Start with
 * {@link io.github.linli.matching.dispatch.Dispatcher}.
 */
package io.github.linli.matching.dispatch;
