/**
 * Alliance membership (联盟成员): the platform organisation of sources 000 and 004, where member
 * units, merchants and social organisations join the community Party committee, the residents'
 * committee and residents.
 *
 * <p>The entry point is {@link io.github.linli.core.alliance.Alliance}: members ({@link
 * io.github.linli.core.alliance.Member}, {@link io.github.linli.core.alliance.MemberKind}) and
 * their lifecycle ({@link io.github.linli.core.alliance.MemberStatus}, {@link
 * io.github.linli.core.alliance.MembershipAction}) with an immutable history of {@link
 * io.github.linli.core.alliance.MembershipEvent}s; service pledges ({@link
 * io.github.linli.core.alliance.Pledge}) with {@link io.github.linli.core.alliance.Fulfilment},
 * who may use them ({@link io.github.linli.core.alliance.PledgeEligibility}, card holders only
 * unless built otherwise; the matching module's offers use the same type) and their price ({@link
 * io.github.linli.core.alliance.PledgePrice});
 * benefit cards (惠民卡, {@link io.github.linli.core.alliance.BenefitCard}) and whether one opens a
 * pledge ({@link io.github.linli.core.alliance.Access}, {@link
 * io.github.linli.core.alliance.Refusal}); and the registry's figures ({@link
 * io.github.linli.core.alliance.AllianceFigures}).
 *
 * <p>Authority for a change is an {@link io.github.linli.core.Actor}'s role or a joint-meeting
 * resolution (a {@link io.github.linli.core.Mandate}). Values are immutable and thread-safe; the
 * alliance is a synchronized aggregate whose state is kept as events in an {@link
 * io.github.linli.core.store.EventStore} ({@link io.github.linli.core.alliance.Alliance#open}), in
 * three parts with streams of their own: members (one stream per member), pledges and their
 * deliveries (one per pledge), benefit cards (one per card and one per holder). Portal pages are
 * read models kept from the feed ({@link io.github.linli.core.alliance.AllianceReadModels}).
 * Contacts, birth dates, household flags and areas are personal data, kept in the {@link
 * io.github.linli.core.privacy.PersonalDataStore}, never in events, and redacted from {@code
 * toString()}.
 */
@LinliStyle
package io.github.linli.core.alliance;

import io.github.linli.core.internal.LinliStyle;
