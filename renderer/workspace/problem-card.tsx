import { Icon } from '../components/icons';
import { FileLocation } from './file-location';

interface ProblemCardProps {
  kind: 'damaged' | 'info';
  title: string;
  message: string;
  fileName: string;
  location: string;
}

/** The card that says why a workspace did not open and where its file is (recovery and "too new" screens). */
export function ProblemCard({ kind, title, message, fileName, location }: ProblemCardProps) {
  return (
    <section className="card problem-card" aria-labelledby="problem-title">
      <div className={`problem-card__icon${kind === 'info' ? ' problem-card__icon--info' : ''}`} aria-hidden="true">
        <Icon name={kind === 'info' ? 'info' : 'alert'} size={22} />
      </div>
      <div className="problem-card__body">
        <h2 id="problem-title" className="card__title">
          {title}
        </h2>
        <p className="problem-card__message">{message}</p>
        <FileLocation fileName={fileName} location={location} />
      </div>
    </section>
  );
}
