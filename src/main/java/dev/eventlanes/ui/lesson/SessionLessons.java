package dev.eventlanes.ui.lesson;

import dev.eventlanes.lesson.LessonBlock;
import dev.eventlanes.lesson.LessonNotes;
import dev.eventlanes.lesson.PresetLessons;
import dev.eventlanes.python.PythonProgram;
import dev.eventlanes.scenario.Scenario;
import dev.eventlanes.ui.PresetCatalog;
import dev.eventlanes.ui.Session;

/**
 * Where an open program's lesson notes come from: a Python program's leading comment block, a
 * scenario's {@code lesson} object, and, for a shipped preset, its translations.
 */
public final class SessionLessons {
    private SessionLessons() {
    }

    /** The notes of the program {@code s} has open; {@link LessonNotes#NONE} if it has none (or for null). */
    public static LessonNotes of(Session s) {
        if (s == null) {
            return LessonNotes.NONE;
        }
        LessonNotes notes = LessonNotes.NONE;
        if (s.program() instanceof PythonProgram p) {
            notes = LessonBlock.parse(p.source());
        } else if (s.program() instanceof Scenario sc) {
            notes = sc.lesson();
        }
        String key = presetKey(s.id());
        return key == null ? notes : PresetLessons.translate(key, notes);
    }

    /**
     * The 0-based row where the code panel opens: past a Python program's lesson block, which
     * the lesson panel shows, so that the code and the tasks' lines are in view from the start.
     */
    public static int codeRow(Session s) {
        return s != null && s.program() instanceof PythonProgram p ? LessonBlock.codeLine(p.source()) - 1 : 0;
    }

    /** The translations' key for a preset's session id ("preset:py:seed1_worker_waits"), or null for any other. */
    static String presetKey(String sessionId) {
        if (sessionId == null || !sessionId.startsWith(PresetCatalog.SESSION)) {
            return null;
        }
        String preset = sessionId.substring(PresetCatalog.SESSION.length());
        return preset.startsWith(PresetCatalog.PY) ? PresetLessons.python(preset.substring(PresetCatalog.PY.length()))
                : PresetLessons.scenario(preset);
    }
}
