package dev.asios.observe.cgroup;

import dev.asios.host.sysroot.Sysroot;
import java.util.ArrayList;
import java.util.List;

/**
 * The files found in a run's cgroup folders, each with its kind, in the order of the folders;
 * looked for once, when the run is first seen, so that a collection opens only files that
 * exist. Immutable.
 */
final class RunCgroupFiles {

    private final CgroupFile[] kinds;
    private final String[] paths;

    private RunCgroupFiles(List<CgroupFile> kinds, List<String> paths) {
        this.kinds = kinds.toArray(CgroupFile[]::new);
        this.paths = paths.toArray(String[]::new);
    }

    /** The files of {@code folders} (absolute host paths) that exist now. */
    static RunCgroupFiles find(Sysroot sysroot, List<String> folders) {
        List<CgroupFile> kinds = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String folder : folders) {
            for (CgroupFile kind : CgroupFile.FILES) {
                String path = folder + "/" + kind.fileName();
                if (sysroot.exists(path)) {
                    kinds.add(kind);
                    paths.add(path);
                }
            }
        }
        return new RunCgroupFiles(kinds, paths);
    }

    /** How many files were found. */
    int size() {
        return paths.length;
    }

    /** The kind of file {@code i}. */
    CgroupFile kind(int i) {
        return kinds[i];
    }

    /** The host path of file {@code i}. */
    String path(int i) {
        return paths[i];
    }
}
