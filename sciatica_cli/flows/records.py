"""The diary's records as the flows hand them to presentation.

Presentation never imports storage (an import contract says so): it reads what a flow
returns, in these types.
"""

from __future__ import annotations

from sciatica_cli.storage.between import LogEntry
from sciatica_cli.storage.diary import CheckRecord, SessionRecord
from sciatica_cli.storage.profile import ProfileEntry

__all__ = ["CheckRecord", "LogEntry", "ProfileEntry", "SessionRecord"]
