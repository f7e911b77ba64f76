package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.NoSuchObject;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.HostAndPort;
import dev.puresnmp.transport.SnmpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SnmpClientTest {
  private final FakeAgent agent =
      new FakeAgent()
          .put("1.3.6.1.2.1.1.1.0", OctetString.of("a test agent"))
          .put("1.3.6.1.2.1.1.5.0", OctetString.of("fake"))
          .put("1.3.6.1.2.1.1.6.0", OctetString.of("lab"))
          .put("1.3.6.1.2.1.2.1.0", new Integer32(3))
          .put("1.3.6.1.2.1.2.2.1.1.1", new Integer32(1))
          .put("1.3.6.1.2.1.2.2.1.1.2", new Integer32(2))
          .put("1.3.6.1.2.1.2.2.1.1.3", new Integer32(3))
          .put("1.3.6.1.2.1.2.2.1.2.1", OctetString.of("lo"))
          .put("1.3.6.1.2.1.2.2.1.2.3", OctetString.of("eth1")) // sparse: row 2 has no ifDescr
          .put("1.3.6.1.2.1.2.2.1.10.1", new Counter32(100))
          .put("1.3.6.1.2.1.2.2.1.10.2", new Counter32(200))
          .put("1.3.6.1.2.1.2.2.1.10.3", new Counter32(300))
          .put("1.3.6.1.2.1.4.1.0", new Integer32(2));
  private final SnmpClient v2c = agent.client(Credentials.v2c("public"));
  private final SnmpClient v1 = agent.client(Credentials.v1("public"));

  private static List<String> oids(List<VarBind> vbs) {
    return vbs.stream().map(vb -> vb.oid().toString()).collect(Collectors.toList());
  }

  @Test
  void getReturnsTheValue() {
    assertThat(v2c.blocking().get("1.3.6.1.2.1.1.5.0").asText()).isEqualTo("fake");
    assertThat(v1.blocking().get(".1.3.6.1.2.1.1.5.0").asText()).isEqualTo("fake");
  }

  @Test
  void getOfAMissingOidThrowsNoSuchOidInBothVersions() {
    assertThatThrownBy(() -> v2c.blocking().get("1.3.6.1.2.1.1.99.0"))
        .isInstanceOf(NoSuchOidException.class)
        .hasMessage("noSuchObject for .1.3.6.1.2.1.1.99.0 from 127.0.0.1:161; check the OID (and the view the community or user may see)")
        .satisfies(e -> assertThat(((NoSuchOidException) e).marker()).isEqualTo(NoSuchOidException.Marker.NO_SUCH_OBJECT));
    assertThatThrownBy(() -> v1.blocking().get("1.3.6.1.2.1.1.99.0"))
        .isInstanceOf(NoSuchOidException.class)
        .satisfies(e -> assertThat(((NoSuchOidException) e).marker()).isEqualTo(NoSuchOidException.Marker.V1_NO_SUCH_NAME));
  }

  @Test
  void multigetKeepsTheOtherValuesBesideAMissingOne() {
    List<VarBind> vbs = v2c.blocking().multiget(List.of(Oid.parse("1.3.6.1.2.1.1.5.0"), Oid.parse("1.3.6.1.2.1.1.99.0"), Oid.parse("1.3.6.1.2.1.1.6.0")));
    assertThat(vbs).extracting(vb -> vb.value()).containsExactly(OctetString.of("fake"), NoSuchObject.INSTANCE, OctetString.of("lab"));
  }

  @Test
  void getnextAndMultigetnext() {
    assertThat(v2c.blocking().getnext("1.3.6.1.2.1.1.1.0").oid()).isEqualTo(Oid.parse("1.3.6.1.2.1.1.5.0"));
    assertThat(oids(v1.blocking().multigetnext(List.of(Oid.parse("1.3.6.1.2.1.1"), Oid.parse("1.3.6.1.2.1.2.2.1.2")))))
        .containsExactly("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.2.2.1.2.1");
    assertThat(v2c.blocking().getnext("1.3.6.1.2.1.4.1.0").value()).isEqualTo(EndOfMibView.INSTANCE);
  }

  @Test
  void walkStopsAtTheFirstOidOutsideTheSubtree() {
    assertThat(oids(v2c.blocking().walk("1.3.6.1.2.1.1"))).containsExactly("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0");
    assertThat(oids(v1.blocking().walk("1.3.6.1.2.1.1"))).hasSize(3);
  }

  @Test
  void walkEndsAtEndOfMibViewAndAtV1NoSuchName() {
    assertThat(oids(v2c.blocking().walk("1.3.6.1.2.1.4"))).containsExactly("1.3.6.1.2.1.4.1.0");
    assertThat(oids(v1.blocking().walk("1.3.6.1.2.1.4"))).containsExactly("1.3.6.1.2.1.4.1.0");
    assertThat(v2c.blocking().walk("1.3.6.1.2.1.99")).isEmpty();
  }

  @Test
  void bulkwalkGivesTheSameVarBindsAsWalkInFewerRequests() {
    List<VarBind> walked = v2c.blocking().walk("1.3.6.1.2.1.2");
    int before = agent.requests.size();
    SnmpClient bulk = v2c.newBuilder().maxRepetitions(5).build();
    assertThat(bulk.blocking().bulkwalk("1.3.6.1.2.1.2")).isEqualTo(walked);
    assertThat(agent.requests.size() - before).isEqualTo(2); // 9 varbinds: 5, then 4 and the one past the end
  }

  @Test
  void bulkwalkKeepsTheVarBindsBeforeEndOfMibViewInAPage() {
    List<VarBind> vbs = v2c.newBuilder().maxRepetitions(50).build().blocking().bulkwalk("1.3.6.1.2.1.4");
    assertThat(oids(vbs)).containsExactly("1.3.6.1.2.1.4.1.0");
  }

  @Test
  void bulkwalkOnTooBigAsksForFewerRepetitions() {
    agent.tooBigAbove = 3;
    List<VarBind> vbs = v2c.newBuilder().maxRepetitions(20).build().blocking().bulkwalk("1.3.6.1.2.1.2.2");
    assertThat(vbs).hasSize(8);
    assertThat(agent.requests.stream().map(m -> ((dev.puresnmp.pdu.BulkPdu) m.pdu()).maxRepetitions()).distinct()).contains(20, 10, 5, 2);
  }

  @Test
  void bulkOperationsInV1FallBackToGetnext() {
    assertThat(v1.blocking().bulkwalk("1.3.6.1.2.1.2.2")).hasSize(8);
    assertThat(agent.requests).allMatch(m -> m.pdu() instanceof StandardPdu);
    BulkResult r = v1.blocking().bulkget(List.of(Oid.parse("1.3.6.1.2.1.1.4")), List.of(Oid.parse("1.3.6.1.2.1.2.2.1.1"), Oid.parse("1.3.6.1.2.1.2.2.1.10")), 2);
    assertThat(oids(r.scalars())).containsExactly("1.3.6.1.2.1.1.5.0");
    assertThat(oids(r.listing())).containsExactly("1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.10.1", "1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.10.2");
  }

  @Test
  void bulkgetSplitsScalarsAndListing() {
    BulkResult r = v2c.blocking().bulkget(List.of(Oid.parse("1.3.6.1.2.1.1.4")), List.of(Oid.parse("1.3.6.1.2.1.2.2.1.1"), Oid.parse("1.3.6.1.2.1.2.2.1.10")), 3);
    assertThat(oids(r.scalars())).containsExactly("1.3.6.1.2.1.1.5.0");
    assertThat(r.listing()).hasSize(6);
    assertThat(r.listing().get(5).value()).isEqualTo(new Counter32(300));
  }

  @Test
  void nonIncreasingOidsFailTheWalkUnlessLenient() {
    agent.tamper = loopAfter("1.3.6.1.2.1.2.2.1.1.3", "1.3.6.1.2.1.2.2.1.1.1");
    assertThatThrownBy(() -> v2c.blocking().walk("1.3.6.1.2.1.2.2"))
        .isInstanceOfSatisfying(
            IncompleteWalkException.class,
            e -> {
              assertThat(oids(e.rows())).containsExactly("1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.1.3");
              assertThat(e.reason()).isInstanceOf(FaultyAgentException.class);
              assertThat(((FaultyAgentException) e.reason()).fault()).isEqualTo(FaultyAgentException.Fault.NON_INCREASING_OID);
              assertThat(e.reason()).hasMessageStartingWith("OID not increasing: .1.3.6.1.2.1.2.2.1.1.3 >= .1.3.6.1.2.1.2.2.1.1.1");
            });
    // Lenient: goes on past the step back and ends when an OID repeats: guaranteed to end, and says so.
    WalkResult vbs = v2c.newBuilder().lenientWalks(true).build().blocking().walk("1.3.6.1.2.1.2.2");
    assertThat(oids(vbs)).containsExactly("1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.1.3");
    assertThat(vbs.end()).isEqualTo(WalkEnd.LOOP);
  }

  @Test
  void aStreamingWalkHandsOverTheRowsBeforeANonIncreasingOidThenFails() {
    agent.tamper = loopAfter("1.3.6.1.2.1.2.2.1.1.3", "1.3.6.1.2.1.2.2.1.1.1");
    List<VarBind> seen = new ArrayList<>();
    assertThatThrownBy(() -> v2c.blocking().walk(Oid.parse("1.3.6.1.2.1.2.2"), (java.util.function.Consumer<VarBind>) seen::add))
        .isInstanceOf(FaultyAgentException.class);
    assertThat(oids(seen)).containsExactly("1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.1.3");
  }

  @Test
  void aWalkListenerHearsEveryVarBindWithItsVerdict() {
    agent.tamper = loopAfter("1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.1.1");
    List<String> heard = new ArrayList<>();
    assertThatThrownBy(
            () -> v2c.newBuilder().maxRepetitions(4).build().blocking()
                .bulkwalk(Oid.parse("1.3.6.1.2.1.2.2.1.1"), (vb, verdict, previous) -> heard.add(vb.oid() + " " + verdict + " after " + previous)))
        .isInstanceOf(FaultyAgentException.class);
    assertThat(heard)
        .containsExactly(
            "1.3.6.1.2.1.2.2.1.1.1 ROW after 1.3.6.1.2.1.2.2.1.1",
            "1.3.6.1.2.1.2.2.1.1.2 ROW after 1.3.6.1.2.1.2.2.1.1.1",
            "1.3.6.1.2.1.2.2.1.1.1 NOT_INCREASING after 1.3.6.1.2.1.2.2.1.1.2",
            "1.3.6.1.2.1.2.2.1.1.1 NOT_INCREASING after 1.3.6.1.2.1.2.2.1.1.1");
  }

  @Test
  void bulkwalkOfALoopingAgentAlsoEnds() {
    agent.tamper = loopAfter("1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.1.1");
    SnmpClient lenient = v2c.newBuilder().lenientWalks(true).maxRepetitions(4).build();
    WalkResult rows = lenient.blocking().bulkwalk("1.3.6.1.2.1.2.2");
    assertThat(rows).hasSizeLessThanOrEqualTo(16);
    assertThat(rows.end()).isEqualTo(WalkEnd.LOOP);
    assertThatThrownBy(() -> v2c.blocking().bulkwalk("1.3.6.1.2.1.2.2")).isInstanceOf(IncompleteWalkException.class).hasCauseInstanceOf(FaultyAgentException.class);
  }

  /** Every response whose last varbind is {@code from} goes back to {@code to} instead of onwards. */
  private UnaryOperator<StandardPdu> loopAfter(String from, String to) {
    Oid f = Oid.parse(from);
    return pdu -> {
      List<VarBind> vbs = new ArrayList<>();
      boolean after = false;
      for (VarBind vb : pdu.varBinds()) {
        vbs.add(after ? new VarBind(Oid.parse(to), vb.value()) : vb);
        after |= vb.oid().equals(f);
      }
      if (!after && pdu.varBinds().size() == 1 && agent.requests.get(agent.requests.size() - 1).pdu().varBinds().get(0).oid().equals(f)) {
        return StandardPdu.response(pdu.requestId(), pdu.errorStatus(), 0, List.of(new VarBind(Oid.parse(to), new Integer32(1))));
      }
      return StandardPdu.response(pdu.requestId(), pdu.errorStatus(), pdu.errorIndex(), vbs);
    };
  }

  @Test
  void maxRowsEndsAWalk() {
    assertThat(v2c.newBuilder().maxRows(2).build().blocking().walk("1.3.6.1.2.1")).hasSize(2);
  }

  @Test
  void walkStreamsWithBackPressureOfOnePageAhead() {
    try (Stream<VarBind> s = v2c.newBuilder().maxRepetitions(2).build().blocking().bulkwalkStream("1.3.6.1.2.1")) {
      List<VarBind> firstThree = s.limit(3).collect(Collectors.toList());
      assertThat(firstThree).hasSize(3);
    }
    assertThat(agent.requests).hasSize(3); // two pages of two read, the third fetched ahead: not the whole MIB
    List<VarBind> seen = new ArrayList<>();
    v2c.blocking().walk(Oid.parse("1.3.6.1.2.1.1"), vb -> {
      seen.add(vb);
      assertThat(agent.requests).hasSize(3 + seen.size() + 1); // each varbind heard with the next one fetched
    });
    assertThat(seen).hasSize(3);
  }

  @Test
  void multiwalkWalksEachRootInParallelRequests() {
    List<VarBind> vbs = v2c.blocking().multiwalk(List.of(Oid.parse("1.3.6.1.2.1.4"), Oid.parse("1.3.6.1.2.1.1")));
    assertThat(oids(vbs)).containsExactly("1.3.6.1.2.1.4.1.0", "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0");
  }

  @Test
  void tableAndBulktableTakeTheTableOrTheEntryOidAndKeepSparseRowsInPlace() {
    Table byTable = v2c.blocking().table("1.3.6.1.2.1.2.2");
    Table byEntry = v2c.blocking().table("1.3.6.1.2.1.2.2.1");
    Table bulk = v2c.blocking().bulktable("1.3.6.1.2.1.2.2");
    assertThat(byTable).isEqualTo(byEntry).isEqualTo(bulk);
    assertThat(byTable.entry()).isEqualTo(Oid.parse("1.3.6.1.2.1.2.2.1"));
    assertThat(byTable.columns()).containsExactly(1, 2, 10);
    assertThat(byTable.rows()).extracting(Table.Row::indexAsLong).containsExactly(1L, 2L, 3L);
    Table.Row row2 = byTable.rows().get(1);
    assertThat(row2.get(2)).isEmpty(); // the missing ifDescr.2 is a missing cell
    assertThat(row2.get(10)).contains(new Counter32(200));
    assertThat(byTable.rows().get(2).get(2)).contains(OctetString.of("eth1"));
  }

  @Test
  void setAndMultiset() {
    assertThat(v2c.blocking().set("1.3.6.1.2.1.1.6.0", OctetString.of("moved"))).isEqualTo(OctetString.of("moved"));
    assertThat(v2c.blocking().get("1.3.6.1.2.1.1.6.0")).isEqualTo(OctetString.of("moved"));
  }

  @Test
  void aRefusedSetNamesTheVarBindThatFailed() {
    List<VarBind> both = List.of(VarBind.of("1.3.6.1.2.1.1.6.0", OctetString.of("x")), VarBind.of("1.3.6.1.2.1.1.5.0", new Integer32(5)));
    assertThatThrownBy(() -> v2c.blocking().multiset(both))
        .isInstanceOf(ErrorResponseException.class)
        .hasMessage("wrongType (7) at varbind 2 (.1.3.6.1.2.1.1.5.0) from 127.0.0.1:161; check the value's type and range")
        .satisfies(
            e -> {
              ErrorResponseException x = (ErrorResponseException) e;
              assertThat(x.status()).isEqualTo(ErrorStatus.WRONG_TYPE);
              assertThat(x.index()).isEqualTo(2);
              assertThat(x.offendingOid()).isEqualTo(Oid.parse("1.3.6.1.2.1.1.5.0"));
            });
    // SNMPv1 refuses a SET of an unknown object with noSuchName: an error response, not a missing value
    assertThatThrownBy(() -> v1.blocking().set("1.3.6.1.2.1.1.99.0", OctetString.of("x")))
        .isInstanceOf(ErrorResponseException.class)
        .hasMessageStartingWith("noSuchName (2) at varbind 1 (.1.3.6.1.2.1.1.99.0)");
  }

  @Test
  void aResponseToAnotherRequestIsAFaultyAgent() {
    agent.tamper = pdu -> pdu.withRequestId(pdu.requestId() + 1);
    assertThatThrownBy(() -> v2c.blocking().get("1.3.6.1.2.1.1.5.0"))
        .isInstanceOf(FaultyAgentException.class)
        .hasMessageContaining("a Response to request-id")
        .satisfies(e -> assertThat(((FaultyAgentException) e).fault()).isEqualTo(FaultyAgentException.Fault.WRONG_RESPONSE));
    agent.tamper = pdu -> StandardPdu.response(pdu.requestId(), pdu.errorStatus(), 0, List.of());
    assertThatThrownBy(() -> v2c.blocking().get("1.3.6.1.2.1.1.5.0"))
        .isInstanceOf(FaultyAgentException.class)
        .satisfies(e -> assertThat(((FaultyAgentException) e).fault()).isEqualTo(FaultyAgentException.Fault.WRONG_VARBIND_COUNT));
  }

  @Test
  void blockingRethrowsTheSnmpExceptionWithTheCallersFrames() {
    SnmpTimeoutException timeout = new SnmpTimeoutException(Endpoint.of("127.0.0.1", 161), 6, Duration.ofSeconds(1));
    SnmpClient silent = SnmpClient.builder("127.0.0.1", Credentials.v2c("public")).sender((e, p, t, a) -> CompletableFuture.failedFuture(timeout)).build();
    assertThatThrownBy(() -> silent.blocking().get("1.3.6.1.2.1.1.5.0")).isSameAs(timeout);
    assertThat(timeout.getSuppressed()).hasSize(1);
    assertThat(timeout.getSuppressed()[0].getStackTrace()).anyMatch(f -> f.getMethodName().contains("blockingRethrows"));
  }

  @Test
  void anInterruptCancelsTheRequestAndKeepsTheFlag() throws Exception {
    CompletableFuture<byte[]> never = new CompletableFuture<>();
    SnmpClient hanging = SnmpClient.builder("127.0.0.1", Credentials.v2c("public")).sender((e, p, t, a) -> never).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                hanging.blocking().get("1.3.6.1.2.1.1.5.0");
              } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
              }
            });
    t.start();
    Thread.sleep(100);
    t.interrupt();
    t.join(5000);
    assertThat(thrown.get()).isInstanceOf(BlockingSnmpClient.InterruptedWait.class);
    assertThat(flag.get()).isTrue();
    assertThat(never).isCancelled();
  }

  @Test
  void builderChecksItsArguments() {
    SnmpClient.Builder b = SnmpClient.builder("127.0.0.1", Credentials.v2c("public"));
    assertThatThrownBy(() -> b.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.timeout(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.retries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxRepetitions(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxRows(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SnmpClient.builder((Endpoint) null, Credentials.v1("x"))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Credentials.v2c(null)).isInstanceOf(NullPointerException.class);
    SnmpClient c = b.sender(agent).build();
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.retries()).isEqualTo(5);
    assertThat(c.maxRepetitions()).isEqualTo(10);
    SnmpClient d = c.newBuilder().retries(1).build();
    assertThat(d.retries()).isEqualTo(1);
    assertThat(d.timeout()).isEqualTo(c.timeout());
  }

  @Test
  void agentsParseLikeNetSnmpHostsWithoutLookingNamesUp() {
    Credentials c = Credentials.v2c("public");
    assertThat(SnmpClient.builder("127.0.0.1", c).build().agent()).isEqualTo(new HostAndPort("127.0.0.1", 161));
    assertThat(SnmpClient.builder("127.0.0.1:11161", c).build().agent()).isEqualTo(new HostAndPort("127.0.0.1", 11161));
    assertThat(SnmpClient.builder("[::1]:11161", c).build().agent()).isEqualTo(new HostAndPort("::1", 11161));
    assertThat(SnmpClient.builder("::1", c).build().agent()).isEqualTo(new HostAndPort("::1", 161));
    assertThat(SnmpClient.builder("[::1]", c).build().agent()).isEqualTo(new HostAndPort("::1", 161));
    assertThat(SnmpClient.builder("no-such-host.invalid:1161", c).build().agent()).isEqualTo(new HostAndPort("no-such-host.invalid", 1161));
    assertThatThrownBy(() -> SnmpClient.builder("127.0.0.1:x", c)).hasMessageContaining("not a port");
  }

  // ---- names, with a Mib ----

  @Test
  void everyStringFormTakesNamesWhenTheClientHasAMib() {
    BlockingSnmpClient b = v2c.newBuilder().mib(Mib.builtIn()).build().blocking();
    assertThat(b.get("sysName.0").asText()).isEqualTo("fake");
    assertThat(b.get("SNMPv2-MIB::sysName.0").asText()).isEqualTo("fake");
    assertThat(b.get("1.3.6.1.2.1.1.5.0").asText()).isEqualTo("fake"); // numbers still work
    assertThat(oids(b.multiget("sysName.0", "sysLocation.0"))).containsExactly("1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0");
    assertThat(b.getnext("sysDescr.0").oid()).isEqualTo(Oid.parse("1.3.6.1.2.1.1.5.0"));
    assertThat(oids(b.multigetnext("sysDescr.0", "IF-MIB::ifDescr"))).containsExactly("1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.2.1.2.1");
    assertThat(oids(b.walk("system"))).containsExactly("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0");
    assertThat(oids(b.bulkwalk("ifDescr"))).containsExactly("1.3.6.1.2.1.2.2.1.2.1", "1.3.6.1.2.1.2.2.1.2.3");
    assertThat(oids(b.multiwalk("ip", "ifDescr"))).containsExactly("1.3.6.1.2.1.4.1.0", "1.3.6.1.2.1.2.2.1.2.1", "1.3.6.1.2.1.2.2.1.2.3");
    List<VarBind> seen = new ArrayList<>();
    assertThat(b.walk("ifInOctets", seen::add)).isEqualTo(WalkEnd.END_OF_SUBTREE);
    assertThat(b.bulkwalk("ifInOctets", seen::add)).isEqualTo(WalkEnd.END_OF_SUBTREE);
    assertThat(seen).hasSize(6);
    try (Stream<VarBind> s = b.walkStream("system"); Stream<VarBind> t = b.bulkwalkStream("ifIndex")) {
      assertThat(s.count()).isEqualTo(3);
      assertThat(t.count()).isEqualTo(3);
    }
    assertThat(b.set("sysLocation.0", OctetString.of("moved"))).isEqualTo(OctetString.of("moved"));
  }

  @Test
  void tablesByNameHaveColumnNamesAndIndexValues() {
    BlockingSnmpClient b = v2c.newBuilder().mib(Mib.builtIn()).build().blocking();
    Table t = b.table("ifTable");
    assertThat(t).isEqualTo(b.bulktable("IF-MIB::ifEntry"));
    assertThat(t.rows()).isEqualTo(v2c.blocking().table("1.3.6.1.2.1.2.2").rows()); // the same rows, without names
    assertThat(t.rows()).extracting(r -> r.get("ifDescr").map(Value::asText).orElse("?")).containsExactly("lo", "?", "eth1");
    assertThat(t.rows()).extracting(Table.Row::indexValues).containsExactly(List.of(new Integer32(1)), List.of(new Integer32(2)), List.of(new Integer32(3)));
    assertThat(t.column("ifInOctets")).hasSize(3);
  }

  @Test
  void aNameWithoutAMibIsAnIllegalArgumentSayingToGiveOne() {
    String message = "\"sysName.0\" is not a numeric OID; to use names, give the client a Mib: SnmpClient.Builder.mib(Mib.builtIn()) or SnmpManager.Builder.mib(…)";
    assertThatThrownBy(() -> v2c.get("sysName.0")).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> v2c.blocking().walkStream("sysName.0")).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> v2c.multiget("1.3.6.1.2.1.1.5.0", "sysName.0")).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> v2c.get("1.3..6")).isInstanceOf(IllegalArgumentException.class).hasMessage("empty arc in OID \"1.3..6\"");
    assertThat(agent.requests).isEmpty();
  }

  @Test
  void anUnknownNameThrowsTheMibExceptionAtTheCallAndSendsNothing() {
    SnmpClient named = v2c.newBuilder().mib(Mib.builtIn()).build();
    assertThatThrownBy(() -> named.get("sysNmae.0"))
        .isInstanceOf(MibException.class)
        .hasMessage("unknown object identifier \"sysNmae.0\": no object is called sysNmae");
    assertThatThrownBy(() -> named.blocking().table("IF-MIB::ifTabel")).isInstanceOf(MibException.class).hasMessageContaining("IF-MIB has no ifTabel");
    assertThat(agent.requests).isEmpty();
  }

  @Test
  void theManagersMibIsTheDefaultOfItsClientsAndAClientsOwnWins() throws Exception {
    Mib other = Mib.builder().build();
    try (SnmpManager m = SnmpManager.builder().mib(Mib.builtIn()).build()) {
      SnmpClient c = m.clientBuilder("127.0.0.1", Credentials.v2c("public")).sender(agent).build();
      assertThat(c.mib()).containsSame(Mib.builtIn());
      assertThat(c.blocking().get("sysName.0").asText()).isEqualTo("fake");
      assertThat(c.newBuilder().mib(other).build().mib()).containsSame(other);
      assertThat(c.newBuilder().build().mib()).containsSame(Mib.builtIn());
    }
    assertThat(v2c.mib()).isEmpty();
    assertThatThrownBy(() -> SnmpManager.builder().mib(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> v2c.newBuilder().mib(null)).isInstanceOf(NullPointerException.class);
  }
}
