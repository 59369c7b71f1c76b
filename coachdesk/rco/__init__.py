"""The RCO supervisor's desk: store, device registry, import, outcomes, reports. No Qt."""
