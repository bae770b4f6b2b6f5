package dev.jobrouter.simulator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a scenario file (JSON, comments allowed) into a {@link Scenario}, failing on any field it does not know. */
final class ScenarioFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private ScenarioFile() {}

    /** @throws ScenarioException naming the file, and the line and column of a JSON problem */
    static Scenario read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ScenarioException(file + ": is a directory, not a scenario file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(file + ": no such scenario file");
        }
        try {
            Scenario scenario = JSON.readValue(file.toFile(), Scenario.class);
            if (scenario == null) {
                throw new ScenarioException(file + ": the file is empty; a scenario is a JSON object");
            }
            return scenario;
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            throw new ScenarioException(file + ":" + where(e) + " " + path(e.getPath())
                    + " is not a known field; the fields here are " + String.join(", ", known), e);
        } catch (JsonMappingException e) {
            String path = path(e.getPath());
            throw new ScenarioException(file + ":" + where(e) + (path.isEmpty() ? " " : " " + path + ": ")
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(file + ":" + where(e) + " " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr() + ":";
    }

    /** @return the field's path in the scenario, {@code arrivals[0].perHour}, from Jackson's references */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
