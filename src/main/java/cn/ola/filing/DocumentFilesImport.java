package cn.ola.filing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ola.ops.StartupLock;

/**
 * Brings documents filed while their bytes were files under the data folder
 * ({@code <ola.data-dir>/documents/<storage key>}) into the database, at every start until none is
 * left: each file whose checksum matches its row is read in, in turn with other starting nodes.
 * The files stay where they were (remove them once a backup of the database holds the documents).
 * A document whose file is missing or altered is named in the log and stays unreadable, as before.
 */
@Component
class DocumentFilesImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DocumentFilesImport.class);

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final StartupLock startupLock;
    private final Path folder;

    DocumentFilesImport(JdbcClient jdbc, DocumentStore store, StartupLock startupLock,
            @Value("${ola.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.store = store;
        this.startupLock = startupLock;
        this.folder = dataDir.resolve("documents");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Files.isDirectory(folder) || waiting().isEmpty()) {
            return;
        }
        startupLock.inTurn(this::importFiles);
    }

    private List<StoredDocument> waiting() {
        return jdbc.sql("SELECT * FROM documents d WHERE NOT EXISTS "
                + "(SELECT 1 FROM document_content c WHERE c.document_id = d.id) ORDER BY id")
                .query(DocumentStore::map).list();
    }

    private void importFiles() {
        int imported = 0;
        List<Long> unreadable = new ArrayList<>();
        for (StoredDocument document : waiting()) {
            Path file = folder.resolve(document.storageKey()).normalize();
            byte[] content = read(file);
            if (!file.startsWith(folder) || content == null || !DocumentStore.sha256(content).equals(document.sha256())) {
                unreadable.add(document.id());
                continue;
            }
            store.writeContent(document.id(), content);
            imported++;
        }
        if (imported > 0) {
            log.info("Read {} documents from the files under {} into the database; the files can be removed once a "
                    + "backup of the database holds them", imported, folder);
        }
        if (!unreadable.isEmpty()) {
            log.warn("{} documents have no file under {} that matches their checksum and cannot be served: ids {}",
                    unreadable.size(), folder, unreadable);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
