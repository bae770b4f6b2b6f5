package dev.jobrouter.bench;

import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.journal.internal.Journal;
import dev.jobrouter.journal.internal.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * Our lifecycle against what a JVM team would otherwise embed: Flowable 7.1.0's task service on an
 * in-memory H2 database (history level none, async executor off), side by side in one JVM: each
 * variant warmed up alone first, then alternating batches of about 0.3 s each.
 *
 * <ul>
 *   <li>{@code flowableTask}: a standalone task created with candidate group "voice", found by a
 *       query on that group, claimed by w1 and completed (completing a standalone task deletes it,
 *       history being off: the batch checks that none is left);
 *   <li>{@code flowableProcess}: a BPMN process with one user task for "voice", started, its task
 *       queried, claimed and completed, which ends the process;
 *   <li>{@code ours}: a voice job created, offered to w1, accepted, completed, closed and deleted,
 *       in memory, then with the journal at PROCESS and at FSYNC (one caller: every command waits
 *       for its fsync).
 * </ul>
 *
 * <p>H2 in memory persists nothing past the JVM either: the in-memory figures compare like with like,
 * the journaled ones show what durability costs us.
 *
 * <p>Usage: {@code PeerBenchmark <output.json> [rounds]}, rounds 10 by default.
 */
public final class PeerBenchmark {
    /** About this long per batch, whatever a lifecycle costs. */
    private static final long BATCH_NANOS = 300_000_000L;
    /**
     * Each variant runs this long before the rounds: ours takes about 140,000 lifecycles (7 s here)
     * to reach its steady speed, as the JIT compiles the rules' generated code, so short alternating
     * batches alone would measure a cold engine.
     */
    private static final long WARM_UP_NANOS = 10_000_000_000L;
    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn" targetNamespace="jobrouter">
              <process id="call" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="toTask" sourceRef="start" targetRef="answer"/>
                <userTask id="answer" flowable:candidateGroups="voice"/>
                <sequenceFlow id="toEnd" sourceRef="answer" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private PeerBenchmark() {}

    /** One lifecycle of job {@code index}. */
    @FunctionalInterface
    private interface Lifecycle {
        void run(long index);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: PeerBenchmark <output.json> [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path processDirectory = Files.createTempDirectory("jobrouter-peer-process");
        Path fsyncDirectory = Files.createTempDirectory("jobrouter-peer-fsync");
        ProcessEngine flowable = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:peer;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistoryLevel(HistoryLevel.NONE)
                .setAsyncExecutorActivate(false)
                .buildProcessEngine();
        try (Journal processJournal = Journal.open(processDirectory, false, null, JournalEntry.Rules.named("peer"),
                        RouterEngine.DEFAULT_SEED);
                Journal fsyncJournal = Journal.open(fsyncDirectory, true, null, JournalEntry.Rules.named("peer"),
                        RouterEngine.DEFAULT_SEED);
                LocalHost memory = Routers.engine("drools");
                LocalHost process = Routers.journaledEngine(processJournal);
                LocalHost fsync = Routers.journaledEngine(fsyncJournal)) {
            for (LocalHost host : List.of(memory, process, fsync)) {
                Routers.worker(host, "w1");
            }
            flowable.getRepositoryService().createDeployment().addString("call.bpmn20.xml", PROCESS).deploy();
            TaskService tasks = flowable.getTaskService();
            RuntimeService runtime = flowable.getRuntimeService();

            Map<String, Lifecycle> variants = new LinkedHashMap<>();
            variants.put("ours", i -> Routers.lifecycle(memory, "job-" + i));
            variants.put("oursProcess", i -> Routers.lifecycle(process, "job-" + i));
            variants.put("oursFsync", i -> Routers.lifecycle(fsync, "job-" + i));
            variants.put("flowableTask", i -> standaloneTask(tasks, i));
            variants.put("flowableProcess", i -> processTask(runtime, tasks));
            Map<String, List<Double>> micros = new LinkedHashMap<>();
            variants.keySet().forEach(name -> micros.put(name, new ArrayList<>()));
            long[] next = new long[variants.size()];
            int w = 0;
            for (Lifecycle variant : variants.values()) {
                batch(variant, next, w++, WARM_UP_NANOS);
            }
            for (int round = 0; round < rounds; round++) {
                int v = 0;
                for (Map.Entry<String, Lifecycle> variant : variants.entrySet()) {
                    micros.get(variant.getKey()).add(batch(variant.getValue(), next, v++, BATCH_NANOS));
                }
                if (tasks.createTaskQuery().count() != 0) {
                    throw new IllegalStateException("Flowable kept " + tasks.createTaskQuery().count() + " tasks");
                }
            }
            write(Path.of(args[0]), micros);
        } finally {
            flowable.close();
            Routers.deleteDirectory(processDirectory);
            Routers.deleteDirectory(fsyncDirectory);
        }
    }

    /** @return microseconds per lifecycle over about {@code nanos} of them, numbered on from {@code next[v]} */
    private static double batch(Lifecycle lifecycle, long[] next, int v, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < nanos) {
            lifecycle.run(next[v]++);
            count++;
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }

    private static void standaloneTask(TaskService tasks, long index) {
        Task task = tasks.newTask();
        task.setName("call " + index);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "voice");
        Task found = tasks.createTaskQuery().taskCandidateGroup("voice").listPage(0, 1).get(0);
        tasks.claim(found.getId(), "w1");
        tasks.complete(found.getId());
    }

    private static void processTask(RuntimeService runtime, TaskService tasks) {
        runtime.startProcessInstanceByKey("call");
        Task found = tasks.createTaskQuery().taskCandidateGroup("voice").listPage(0, 1).get(0);
        tasks.claim(found.getId(), "w1");
        tasks.complete(found.getId());
    }

    private static void write(Path output, Map<String, List<Double>> micros) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        for (Map.Entry<String, List<Double>> variant : micros.entrySet()) {
            double median = SideBySide.median(variant.getValue());
            json.append(String.format(Locale.ROOT, "  \"%sMicrosPerLifecycle\": %.2f,%n", variant.getKey(), median));
        }
        for (String ourVariant : List.of("ours", "oursProcess", "oursFsync")) {
            double mine = SideBySide.median(micros.get(ourVariant));
            for (String peer : List.of("flowableTask", "flowableProcess")) {
                json.append(String.format(Locale.ROOT, "  \"%sOver%s\": %.2f,%n", peer,
                        Character.toUpperCase(ourVariant.charAt(0)) + ourVariant.substring(1),
                        SideBySide.median(micros.get(peer)) / mine));
            }
        }
        json.append(String.format(Locale.ROOT, "  \"roundsCounted\": %d%n}%n", micros.get("ours").size()));
        Files.writeString(output, json);
        System.out.print(json);
    }
}
