-- Schema version 2: resumable bulk imports (issue 4 item 6). A job is keyed by the SHA-256 of the
-- file; each committed batch moves last_row forward in the same transaction as its rows.
CREATE TABLE import_job (
    id            INTEGER PRIMARY KEY,
    file_sha256   BLOB NOT NULL,
    file_name     TEXT NOT NULL,
    mode          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'finished', 'rejected', 'cancelled')),
    last_row      INTEGER NOT NULL DEFAULT 0,
    imported_rows INTEGER NOT NULL DEFAULT 0,
    rejected_rows INTEGER NOT NULL DEFAULT 0,
    created_by    TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT
);
CREATE INDEX import_job_by_file ON import_job(file_sha256, id);
