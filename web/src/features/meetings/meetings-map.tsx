/**
 * The finder's map (Leaflet), loaded only when someone opens it. Pins only where a meeting has a
 * precise address; the list beside it always has every meeting, so a map whose pictures cannot load
 * (no signal, tile server down, blocked) loses nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FinderSettings, MeetingSummary } from '@kindred/common/meetings';
import { Notice } from '../../components/notice.tsx';
import { meetingTimeLine } from './meeting-times.ts';

type MeetingsMapProps = {
  meetings: MeetingSummary[];
  settings: FinderSettings;
  /** The point searched near, if any: the map starts there. */
  center: { latitude: number; longitude: number } | null;
};

const pinIcon = L.divIcon({
  className: 'meeting-pin',
  html: '',
  iconSize: [24, 24],
  iconAnchor: [12, 12],
  popupAnchor: [0, -12],
});

/** The popup of a pin, built as elements (never HTML strings) so no meeting's text can inject markup. */
function popupContent(meeting: MeetingSummary, onOpen: (slug: string) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'meeting-popup';
  const link = document.createElement('a');
  link.href = `/meetings/${encodeURIComponent(meeting.slug)}`;
  link.textContent = meeting.name;
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(meeting.slug);
  });
  const time = document.createElement('p');
  time.textContent = meetingTimeLine(meeting);
  box.append(link, time);
  if (meeting.locationName || meeting.formattedAddress) {
    const place = document.createElement('p');
    place.textContent = meeting.locationName ?? meeting.formattedAddress ?? '';
    box.append(place);
  }
  return box;
}

/** Only meetings at a precise address get a pin; an approximate one would point at the wrong door. */
const isPinned = (meeting: MeetingSummary) =>
  meeting.latitude !== null && meeting.longitude !== null && !meeting.isApproximate;

export function MeetingsMap({ meetings, settings, center }: MeetingsMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markersRef = useRef<L.LayerGroup | null>(null);
  const [hasTileError, setHasTileError] = useState(false);
  const navigate = useNavigate();
  const pinned = meetings.filter(isPinned);
  const centerLatitude = center?.latitude;
  const centerLongitude = center?.longitude;
  const unpinnedCount = meetings.length - pinned.length;

  // The map itself: made once, removed when the person closes it.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { scrollWheelZoom: false, zoomControl: true });
    mapRef.current = map;
    L.tileLayer(settings.mapTileUrl, { attribution: settings.mapAttribution, maxZoom: 19 })
      .on('tileerror', () => setHasTileError(true))
      .addTo(map);
    markersRef.current = L.layerGroup().addTo(map);
    return () => {
      map.remove();
      mapRef.current = null;
      markersRef.current = null;
    };
  }, [settings.mapTileUrl, settings.mapAttribution]);

  // The pins, and the view: the searched point, else every pin, else the whole world.
  useEffect(() => {
    const map = mapRef.current;
    const markers = markersRef.current;
    if (!map || !markers) return;
    markers.clearLayers();
    const points: L.LatLngExpression[] = [];
    for (const meeting of meetings.filter(isPinned)) {
      const point: L.LatLngExpression = [meeting.latitude!, meeting.longitude!];
      points.push(point);
      L.marker(point, { icon: pinIcon, title: meeting.name, alt: meeting.name, keyboard: true })
        .bindPopup(popupContent(meeting, (slug) => void navigate(`/meetings/${encodeURIComponent(slug)}`)))
        .addTo(markers);
    }
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
    else if (centerLatitude !== undefined && centerLongitude !== undefined) {
      map.setView([centerLatitude, centerLongitude], 12);
    } else map.setView([20, 0], 2);
  }, [meetings, centerLatitude, centerLongitude, navigate]);

  return (
    <div className="meetings-map">
      {hasTileError && (
        <Notice title="The map pictures could not load">
          <p>The pins still work, and the list below has every meeting.</p>
        </Notice>
      )}
      <div
        ref={containerRef}
        className="meetings-map-canvas"
        role="region"
        aria-label={`Map of ${pinned.length} ${pinned.length === 1 ? 'meeting' : 'meetings'} with an address`}
      />
      {unpinnedCount > 0 && (
        <p className="meetings-map-note">
          {unpinnedCount} {unpinnedCount === 1 ? 'meeting is' : 'meetings are'} not on the map (online, or no exact
          address). They are in the list.
        </p>
      )}
    </div>
  );
}

export default MeetingsMap;
