package io.github.linli.portal;

import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MembershipEvent;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.spring.boot.AuthorityActors;
import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferResult;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's JSON API. Who acts comes from the headers {@code X-Actor} and {@code X-Roles} (in a
 * real portal: Spring Security's authentication, mapped the same way with {@link AuthorityActors});
 * {@code Idempotency-Key} makes a retried request, on either server, answer as the first did.
 * Dispatch endpoints wait for the dispatcher (issue 15).
 */
@RestController
public class PortalController {
  private final Alliance alliance;
  private final DemandIntake intake;
  private final TimeBank bank;

  /**
   * The controller over the starter's beans.
   *
   * @param alliance the alliance
   * @param intake the demand intake
   * @param bank the time bank
   */
  public PortalController(Alliance alliance, DemandIntake intake, TimeBank bank) {
    this.alliance = alliance;
    this.intake = intake;
    this.bank = bank;
  }

  private static Actor actor(String id, String roles) {
    return AuthorityActors.actor(id, Arrays.stream(roles.split(",")).map(String::strip).toList());
  }

  /** A need as a resident posts it. */
  public record NeedForm(String id, String text, String gridCell) {}

  /** A record of help given: the receiver's account pays the helper's. */
  public record TransferForm(String id, String debit, String credit, long minutes) {}

  @PostMapping("/members")
  @ResponseStatus(HttpStatus.CREATED)
  MembershipEvent register(@RequestHeader("X-Actor") String who, @RequestHeader("X-Roles") String roles,
      @RequestHeader("Idempotency-Key") String key, @RequestBody Member member) {
    return alliance.withCommandId(key).apply(actor(who, roles), member);
  }

  @PostMapping("/members/{id}/admit")
  MembershipEvent admit(@RequestHeader("X-Actor") String who, @RequestHeader("X-Roles") String roles,
      @RequestHeader("Idempotency-Key") String key, @PathVariable String id) {
    return alliance.withCommandId(key).admit(actor(who, roles), MemberId.of(id));
  }

  @GetMapping("/members")
  List<Member> members() {
    return alliance.members();
  }

  @PostMapping("/pledges")
  @ResponseStatus(HttpStatus.CREATED)
  Pledge pledge(@RequestHeader("X-Actor") String who, @RequestHeader("X-Roles") String roles,
      @RequestHeader("Idempotency-Key") String key, @RequestBody Pledge pledge) {
    return alliance.withCommandId(key).pledge(actor(who, roles), pledge);
  }

  @GetMapping("/pledges")
  List<Pledge> pledges() {
    return alliance.pledges();
  }

  @PostMapping("/needs")
  @ResponseStatus(HttpStatus.CREATED)
  Demand submit(@RequestHeader("X-Actor") String who, @RequestHeader("X-Roles") String roles,
      @RequestHeader("Idempotency-Key") String key, @RequestBody NeedForm form) {
    Demand d = intake.withCommandId(key).submit(actor(who, roles), DemandRequest.builder().id(form.id())
        .requester(ResidentId.of(who)).text(form.text()).gridCell(form.gridCell()).build());
    return intake.withCommandId(key + ":classify").classify(Actor.system(), d);
  }

  @GetMapping("/needs/{id}")
  Demand need(@RequestHeader("X-Actor") String who, @RequestHeader("X-Roles") String roles, @PathVariable String id) {
    return intake.find(actor(who, roles), id).orElseThrow(() -> new NotFoundException("demand", id));
  }

  @PostMapping("/accounts")
  @ResponseStatus(HttpStatus.CREATED)
  Account open(@RequestBody AccountSpec spec) {
    return bank.openAccount(spec);
  }

  @GetMapping("/accounts/{id}")
  Account account(@PathVariable String id) {
    return bank.account(AccountId.of(id));
  }

  @PostMapping("/transfers")
  TransferResult transfer(@RequestHeader("X-Actor") String who, @RequestHeader("X-Roles") String roles,
      @RequestBody TransferForm form) {
    actor(who, roles).require("timebank.record_help", java.util.Set.of(io.github.linli.core.Role.COORDINATOR));
    return bank.transfer(TransferId.of(form.id()), AccountId.of(form.debit()), AccountId.of(form.credit()),
        Credits.ofMinutes(form.minutes()));
  }
}
