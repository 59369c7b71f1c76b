"""Key derivation, key wrapping, signatures and sealing. No Qt here."""
