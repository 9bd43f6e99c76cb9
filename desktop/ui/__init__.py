"""The Qt window: thin widgets over ``desktop.services``."""
