// src/store/journal.hpp — the undo journal's machinery: SQLite's session extension records what a
// write transaction changes, as a changeset that can be inverted and applied later.
#pragma once

#include <string>
#include <vector>

#include "fu/model.hpp"

struct sqlite3;
struct sqlite3_session;

namespace fu {

// Records every change to the journaled tables from construction until changeset() is taken.
class ChangeRecorder {
  public:
    explicit ChangeRecorder(sqlite3* db);
    ChangeRecorder(const ChangeRecorder&) = delete;
    ChangeRecorder& operator=(const ChangeRecorder&) = delete;
    ~ChangeRecorder();

    // The changes so far, as a changeset blob (empty when nothing changed).
    std::string changeset() const;

  private:
    sqlite3_session* m_session = nullptr;
};

// The contacts whose records a changeset touches (looked up in `db` for updated rows whose
// contact column did not change).
std::vector<Id> contacts_touched(sqlite3* db, const std::string& changeset);

// Applies the inverse of `changeset` to `db`. Returns false when a row no longer matches.
bool apply_inverse(sqlite3* db, const std::string& changeset);

} // namespace fu
