package io.github.linli.core.alliance;

import io.github.linli.core.Actor;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.privacy.PersonalDataKind;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.privacy.Purpose;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The alliance's personal values in the {@link PersonalDataStore}, with a cache: a member's contact
 * (subject {@code member-contact:<member id>}, kinds NAME and PHONE) and the holder's facts a card
 * was issued with (subject {@code card:<card id>}, kinds BIRTH_DATE, HOUSEHOLD_FLAGS and AREA: per
 * card, as a card carries them). Events never hold them.
 *
 * <p>The alliance reads and writes as its own service actor ({@code alliance:<id>}, roles
 * ALLIANCE_ADMIN and COORDINATOR), for the purposes SERVICE_DELIVERY (contacts) and
 * ELIGIBILITY_CHECK (card facts), after its own permission check of the command; every access is in
 * the store's access log. A value read once is cached until an erasure event is applied. Called
 * under the alliance's lock.
 */
final class PersonalRecords {
  /** A card holder's facts. */
  static final class Facts {
    static final Facts NONE = new Facts(Optional.empty(), Set.of(), Optional.empty());
    final Optional<LocalDate> birthDate;
    final Set<HouseholdFlag> flags;
    final Optional<String> area;

    Facts(Optional<LocalDate> birthDate, Set<HouseholdFlag> flags, Optional<String> area) {
      this.birthDate = birthDate;
      this.flags = flags;
      this.area = area;
    }

    boolean any() {
      return birthDate.isPresent() || !flags.isEmpty() || area.isPresent();
    }

    BenefitCard on(BenefitCard card) {
      return ImmutableBenefitCard.builder().from(card).birthDate(birthDate).householdFlags(flags).area(area).build();
    }

    @Override
    public String toString() {
      return "Facts{redacted}";
    }
  }

  private final PersonalDataStore store;
  private final Actor service;
  private final Map<MemberId, Optional<Contact>> contacts = new HashMap<>();
  private final Map<String, Facts> facts = new HashMap<>();

  PersonalRecords(PersonalDataStore store, String allianceId) {
    this.store = store;
    this.service = Actor.of("alliance:" + allianceId, Role.ALLIANCE_ADMIN, Role.COORDINATOR);
  }

  PersonalDataStore store() {
    return store;
  }

  private static ResidentId contactSubject(MemberId member) {
    return ResidentId.of("member-contact:" + member.value());
  }

  void putContact(MemberId member, Contact c) {
    ResidentId s = contactSubject(member);
    store.put(service, s, PersonalDataKind.NAME, c.name());
    store.put(service, s, PersonalDataKind.PHONE, c.phone());
    contacts.put(member, Optional.of(c));
  }

  Optional<Contact> contact(MemberId member) {
    Optional<Contact> c = contacts.get(member);
    if (c == null) {
      ResidentId s = contactSubject(member);
      Optional<String> name = store.read(service, s, PersonalDataKind.NAME, Purpose.SERVICE_DELIVERY);
      Optional<String> phone = store.read(service, s, PersonalDataKind.PHONE, Purpose.SERVICE_DELIVERY);
      c = name.isPresent() && phone.isPresent() ? Optional.of(Contact.of(name.get(), phone.get())) : Optional.empty();
      contacts.put(member, c);
    }
    return c;
  }

  void eraseContact(MemberId member) {
    store.erase(service, contactSubject(member));
    forgetContact(member);
  }

  void forgetContact(MemberId member) {
    contacts.remove(member);
  }

  private static ResidentId cardSubject(String cardId) {
    return ResidentId.of("card:" + cardId);
  }

  /** Stores the facts a new card carries. */
  void putFacts(Actor actor, BenefitCard card) {
    ResidentId s = cardSubject(card.id());
    Actor writer = actor.hasAny(EnumSet.of(Role.COORDINATOR, Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN)) ? actor : service;
    if (card.birthDate().isPresent()) {
      store.put(writer, s, PersonalDataKind.BIRTH_DATE, card.birthDate().get().toString());
    }
    if (!card.householdFlags().isEmpty()) {
      StringJoiner j = new StringJoiner(",");
      for (HouseholdFlag f : card.householdFlags()) {
        j.add(f.name());
      }
      store.put(writer, s, PersonalDataKind.HOUSEHOLD_FLAGS, j.toString());
    }
    if (card.area().isPresent()) {
      store.put(writer, s, PersonalDataKind.AREA, card.area().get());
    }
    facts.remove(card.id());
  }

  Facts facts(String cardId) {
    Facts f = facts.get(cardId);
    if (f == null) {
      ResidentId holder = cardSubject(cardId);
      Optional<LocalDate> birth = Optional.empty();
      Set<HouseholdFlag> flags = EnumSet.noneOf(HouseholdFlag.class);
      Optional<String> area = Optional.empty();
      Set<PersonalDataKind> held = store.kindsHeld(holder);
      if (held.contains(PersonalDataKind.BIRTH_DATE)) {
        birth = store.read(service, holder, PersonalDataKind.BIRTH_DATE, Purpose.ELIGIBILITY_CHECK).map(LocalDate::parse);
      }
      if (held.contains(PersonalDataKind.HOUSEHOLD_FLAGS)) {
        Optional<String> v = store.read(service, holder, PersonalDataKind.HOUSEHOLD_FLAGS, Purpose.ELIGIBILITY_CHECK);
        if (v.isPresent()) {
          for (String name : v.get().split(",")) {
            for (HouseholdFlag h : HouseholdFlag.values()) {
              if (h.name().equals(name.trim())) {
                flags.add(h);
              }
            }
          }
        }
      }
      if (held.contains(PersonalDataKind.AREA)) {
        area = store.read(service, holder, PersonalDataKind.AREA, Purpose.ELIGIBILITY_CHECK);
      }
      f = birth.isEmpty() && flags.isEmpty() && area.isEmpty() ? Facts.NONE : new Facts(birth, Set.copyOf(flags), area);
      facts.put(cardId, f);
    }
    return f;
  }

  /** Whether the store holds facts of a card (no read, nothing logged but the question). */
  boolean holdsFacts(String cardId) {
    Set<PersonalDataKind> held = store.kindsHeld(cardSubject(cardId));
    return held.contains(PersonalDataKind.BIRTH_DATE) || held.contains(PersonalDataKind.HOUSEHOLD_FLAGS)
        || held.contains(PersonalDataKind.AREA);
  }

  /** Erases a card's facts, as the given actor if the store lets it, else as the alliance. */
  void eraseFacts(Actor actor, String cardId) {
    Actor eraser = actor.hasAny(EnumSet.of(Role.RESIDENTS_COMMITTEE, Role.ALLIANCE_ADMIN)) ? actor : service;
    store.erase(eraser, cardSubject(cardId));
    forgetFacts(cardId);
  }

  void forgetFacts(String cardId) {
    facts.remove(cardId);
  }

  /** Drops cached values, so the next read asks the store. */
  void clearCache() {
    contacts.clear();
    facts.clear();
  }

  @Override
  public String toString() {
    return "PersonalRecords{" + contacts.size() + " contacts, " + facts.size() + " holders cached}";
  }
}
