"""A damaged database file: random bytes flipped in a real fu database, then read by fu.

Each damaged copy is read by the read-only commands (due, contacts, show, stats, doctor, export).
fu must answer or refuse with one clear line (exit 0, 1 for doctor's failed check, or 4), never
crash, and never change the file: its sha256 is the same after every command. A few byte flips run
by default; FU_HEAVY_TESTS=1 runs 1000 (the issue's figure).
"""

import hashlib
import os
import random
import shutil
import unittest

from fu_harness import FuSandbox

HEAVY = os.environ.get("FU_HEAVY_TESTS") == "1"
READS = (("due",), ("contacts",), ("show", "1"), ("stats",), ("doctor",), ("export",))


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


class ByteFlips(unittest.TestCase):
    def test_a_damaged_file_is_read_or_refused_never_crashes_never_changes(self):
        fu = FuSandbox(self)
        fu.ok("demo")
        # One file, no -wal to replay: what is damaged is what is read.
        fu.ok("backup", str(fu.root / "clean.db"))
        clean = (fu.root / "clean.db").read_bytes()
        rng = random.Random(13)
        flips = 1000 if HEAVY else 12
        damaged = fu.root / "damaged" / "fu.db"
        damaged.parent.mkdir(mode=0o700)
        for n in range(flips):
            data = bytearray(clean)
            # Most flips land in the header and the first pages, where a flip matters most.
            for _ in range(rng.choice((1, 1, 2, 8))):
                where = rng.randrange(min(len(data), 8192)) if rng.random() < 0.5 else rng.randrange(len(data))
                data[where] ^= 1 << rng.randrange(8)
            for side in ("-wal", "-shm"):
                damaged.with_name("fu.db" + side).unlink(missing_ok=True)
            damaged.write_bytes(bytes(data))
            os.chmod(damaged, 0o600)
            before = sha256(damaged)
            command = READS[n % len(READS)]
            r = fu.run(*command, db=damaged)  # checks: no signal, no internal error, clean stderr
            self.assertIn(r.status, (0, 1, 4), f"flip {n}: {r}")
            if r.status == 4:
                self.assertEqual(len(fu.error_lines(r)), 1, f"flip {n}: {r}")
                self.assertIn(str(damaged), r.err, f"flip {n}: the refusal does not name the file\n{r}")
            self.assertEqual(sha256(damaged), before, f"flip {n}: fu {command} changed the damaged file")
        shutil.rmtree(damaged.parent)


if __name__ == "__main__":
    unittest.main()
