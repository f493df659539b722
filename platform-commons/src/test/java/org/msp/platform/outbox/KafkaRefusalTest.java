package org.msp.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which refusals set an outbox row aside (it will never be taken) and which keep it in place to retry. */
class KafkaRefusalTest {

    @Test
    void aRowKafkaWillNeverTakeIsRefusedForGood() {
        assertTrue(KafkaRefusal.forGood(new RecordTooLargeException("The message is 3000000 bytes")));
        assertTrue(KafkaRefusal.forGood(new RecordBatchTooLargeException("batch")));
        assertTrue(KafkaRefusal.forGood(new InvalidTopicException("bad topic name")));
        assertTrue(KafkaRefusal.forGood(new InvalidRecordException("no key for a compacted topic")));
        // as the relay sees it: the acknowledgement future's failure
        assertTrue(KafkaRefusal.forGood(new ExecutionException(new RecordTooLargeException("too large"))));
    }

    @Test
    void passingTroubleKeepsTheRowInPlace() {
        assertFalse(KafkaRefusal.forGood(new TimeoutException("Topic not present in metadata after 10000 ms")));
        assertFalse(KafkaRefusal.forGood(new NetworkException("disconnected")));
        assertFalse(KafkaRefusal.forGood(new NotEnoughReplicasException("min.insync.replicas")));
        assertFalse(KafkaRefusal.forGood(new UnknownTopicOrPartitionException("not yet created")));
        assertFalse(KafkaRefusal.forGood(new java.util.concurrent.TimeoutException("no ack within send-timeout")));
        assertFalse(KafkaRefusal.forGood(new KafkaException("Producer closed while send in progress")));
        assertFalse(KafkaRefusal.forGood(new IllegalStateException("emitter overflow")));
    }

    @Test
    void troubleWithTheProducerOrTheClusterIsNotTheRowsFault() {
        // these would refuse every row alike: an operator fixes them, setting rows aside would not
        assertFalse(KafkaRefusal.forGood(new TopicAuthorizationException("not allowed")));
        assertFalse(KafkaRefusal.forGood(new SaslAuthenticationException("bad credentials")));
        assertFalse(KafkaRefusal.forGood(new ProducerFencedException("fenced")));
        assertFalse(KafkaRefusal.forGood(new OutOfOrderSequenceException("sequence")));
        assertFalse(KafkaRefusal.forGood(new UnknownServerException("broker bug")));
    }

    @Test
    void theReasonNamesTheKafkaError() {
        assertEquals("RecordTooLargeException: The message is 3000000 bytes",
                KafkaRefusal.reason(new ExecutionException(new RecordTooLargeException("The message is 3000000 bytes"))));
    }
}
